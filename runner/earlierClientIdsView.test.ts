import { describe, expect, it } from 'vitest';
import { earlierClientIdsView } from './earlierClientIdsView.js';

describe('earlierClientIdsView', () => {
  it('is what the run had seen when it was taken: ids added later are not in it', () => {
    const all = new Set(['a', 'b']);
    const before = earlierClientIdsView(all);
    all.add('c');
    const later = earlierClientIdsView(all);
    all.add('d');
    expect(before.size).toBe(2);
    expect([before.has('a'), before.has('b'), before.has('c'), before.has('d'), before.has('x')]).toEqual([true, true, false, false, false]);
    expect([...before]).toEqual(['a', 'b']);
    expect(later.size).toBe(3);
    expect([later.has('c'), later.has('d')]).toEqual([true, false]);
    expect([...later.entries()]).toEqual([['a', 'a'], ['b', 'b'], ['c', 'c']]);
    const seen: string[] = [];
    later.forEach((v) => seen.push(v));
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('answers after ids were added past the end of what it had indexed (the index goes on from there)', () => {
    const all = new Set<string>();
    const views = [];
    for (let i = 0; i < 1_000; i++) {
      views.push(earlierClientIdsView(all));
      // Ask in between, so the index reaches the end of the set and must resume after new ids.
      expect(views[i].has(`id${i - 1}`)).toBe(i > 0);
      all.add(`id${i}`);
    }
    expect(views[500].has('id499')).toBe(true);
    expect(views[500].has('id500')).toBe(false);
    expect(views[999].size).toBe(999);
    expect(earlierClientIdsView(all).has('id999')).toBe(true);
  });
});
