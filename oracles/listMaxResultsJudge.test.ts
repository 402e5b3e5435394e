import { describe as suite, expect, it } from 'vitest';
import { list, refused } from '../testing/lifecycleHistoryFixture.js';
import { listMaxResultsJudge } from './listMaxResultsJudge.js';

suite('list-max-results and its range', () => {
  it('passes a page within MaxResults and a refusal of MaxResults 0 and 61', () => {
    expect(listMaxResultsJudge.judge([list(2, ['a', 'b'])])).toMatchObject([{ ruleId: 'lifecycle.list-max-results', ok: true }]);
    for (const max of [0, 61]) {
      expect(listMaxResultsJudge.judge([refused('ListUserPoolClients', { MaxResults: max }, 'InvalidParameterException')])).toMatchObject([{ ruleId: 'lifecycle.list-max-results-range', ok: true }]);
    }
  });

  it('fails a page larger than MaxResults, and MaxResults 0 accepted', () => {
    expect(listMaxResultsJudge.judge([list(1, ['a', 'b'])])).toMatchObject([{ ruleId: 'lifecycle.list-max-results', ok: false, message: expect.stringContaining('2 clients') }]);
    // The count is in the message only: a page that ignores MaxResults shows whatever the pool
    // holds then, and two runs of the same cases must diff clean.
    expect(listMaxResultsJudge.judge([list(1, ['a', 'b', 'c'])])[0]?.observed).toEqual(listMaxResultsJudge.judge([list(1, ['a', 'b'])])[0]?.observed);
    expect(listMaxResultsJudge.judge([list(0, ['a'])])).toMatchObject([{ ruleId: 'lifecycle.list-max-results-range', ok: false, observed: { status: 200 } }]);
  });

  it('says nothing of a listing without MaxResults (docs/lifecycle.md L15: unknown)', () => {
    const h = list(1, ['a', 'b']);
    delete h.request.MaxResults;
    expect(listMaxResultsJudge.judge([h])).toEqual([]);
  });
});
