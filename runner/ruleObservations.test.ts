import { describe, expect, it } from 'vitest';
import type { JudgeOutcome, JudgedRecord } from './judgeRecords.js';
import { ruleObservations } from './ruleObservations.js';

function judged(key: string, day: string, verdicts: [string, boolean][]): JudgedRecord {
  return {
    record: { record: { operation: 'CreateUserPoolClient', request: {}, response: { status: 200, body: {} }, recordedAt: `${day}T00:00:00Z` }, file: 'f', line: 1, key },
    related: [], mode: 'evidence', violations: [], uncertain: [], requestProblems: [], blamed: [], poolAssumed: false, notJudged: [],
    verdicts: verdicts.map(([ruleId, ok]) => ({ oracle: 'x', ruleId, ok, message: '' })),
  };
}

describe('ruleObservations', () => {
  it('links each rule to the records it passed on, oldest first, with the newest day', () => {
    const outcome: JudgeOutcome = {
      records: 3, fixtures: 0, results: [],
      judged: [judged('new', '2025-07-02', [['a', true], ['b', false]]), judged('old', '2019-01-28', [['a', true], ['b', true]]), judged('mid', '2021-06-01', [['b', true], ['b', false]])],
    };
    const obs = ruleObservations(outcome);
    expect(obs.get('a')).toEqual({ records: ['old', 'new'], newest: '2025-07-02' });
    expect(obs.get('b')).toEqual({ records: ['old'], newest: '2019-01-28' });
  });
});
