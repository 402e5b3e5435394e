import { describe as suite, expect, it } from 'vitest';
import { create, defaultClient, list } from '../testing/lifecycleHistoryFixture.js';
import { listCompleteJudge, listingPageBound } from './listCompleteJudge.js';

const [A, B, C] = ['aaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccccccccc'];
const made = [create({}, defaultClient(A)), create({}, defaultClient(B)), create({}, defaultClient(C))];

suite('list-complete', () => {
  it('passes a listing of two pages that shows each client once, others\' clients included', () => {
    const h = [...made, list(2, [A, B], 't1'), list(2, [C, 'dddddddddddddddddddddddddd'], undefined, 't1')];
    expect(listCompleteJudge.judge(h)).toMatchObject([{ ok: true }]);
    expect(listCompleteJudge.judge(h.slice(0, -1))).toEqual([]);
  });

  it('fails a client repeated across a page boundary', () => {
    const h = [...made, list(2, [A, B], 't1'), list(2, [B, C], undefined, 't1')];
    expect(listCompleteJudge.judge(h)).toMatchObject([{ ok: false, observed: { clientId: B, pages: [1, 2] } }]);
  });

  it('fails a listing that leaves out a client the history made', () => {
    expect(listCompleteJudge.judge([...made, list(60, [A, C])])).toMatchObject([{ ok: false, observed: { missing: [B] } }]);
  });

  it('fails a NextToken that repeats, and a listing past its page bound, instead of paging forever', () => {
    expect(listCompleteJudge.judge([...made, list(2, [A, B], 't1'), list(2, [C], 't1', 't1')])).toMatchObject([{ ok: false, observed: { repeatedToken: true } }]);
    const pages = [list(2, [A, B], 't1'), list(2, [C], 't2', 't1'), list(2, [], 't3', 't2'), list(2, [], 't4', 't3')];
    expect(listingPageBound(3, 2)).toBe(4);
    expect(listCompleteJudge.judge([...made, ...pages])).toEqual([]);
    expect(listCompleteJudge.judge([...made, ...pages, list(2, [], 't5', 't4')])).toMatchObject([{ ok: false, observed: { pages: 5 } }]);
  });
});
