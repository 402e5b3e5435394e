import { describe as suite, expect, it } from 'vitest';
import { create, defaultClient, list } from '../testing/lifecycleHistoryFixture.js';
import { listingPages } from './listingPages.js';

suite('listingPages', () => {
  it('chains consecutive pages by NextToken back to the first page', () => {
    const h = [create({}, defaultClient('a')), list(1, ['a'], 't1'), list(1, ['b'], undefined, 't1')];
    expect(listingPages(h)?.map((p) => p.clientIds)).toEqual([['a'], ['b']]);
  });

  it('gives nothing when the first page is not in the history', () => {
    expect(listingPages([list(1, ['b'], undefined, 't1')])).toBeUndefined();
  });
});
