import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intWithBoundaries, sizedList, sizedSubset } from './boundaries.js';

describe('boundaries', () => {
  it('hits both ends of an integer range', () => {
    const xs = fc.sample(intWithBoundaries(3, 15), { seed: 1, numRuns: 100 });
    expect(xs.every((x) => x >= 3 && x <= 15)).toBe(true);
    expect(xs.filter((x) => x === 3).length).toBeGreaterThan(15);
    expect(xs.filter((x) => x === 15).length).toBeGreaterThan(15);
  });

  it('makes distinct sub-lists from empty to full, and refuses an impossible minimum', () => {
    const items = Array.from({ length: 60 }, (_, i) => `s${i}`);
    const lists = fc.sample(sizedSubset(items, 0, 50), { seed: 1, numRuns: 200 });
    expect(lists.every((l) => new Set(l).size === l.length && l.length <= 50)).toBe(true);
    expect(lists.some((l) => l.length === 0)).toBe(true);
    expect(lists.some((l) => l.length === 50)).toBe(true);
    expect(() => sizedSubset(['a'], 2, 5)).toThrow();
  });

  it('makes generated lists short, empty and full', () => {
    const lists = fc.sample(sizedList(fc.nat(), 0, 100), { seed: 1, numRuns: 300 });
    expect(lists.some((l) => l.length === 0)).toBe(true);
    expect(lists.some((l) => l.length === 100)).toBe(true);
    expect(lists.filter((l) => l.length <= 3).length).toBeGreaterThan(250);
  });

  it('shrinks a full list back to a short one', () => {
    const details = fc.check(fc.property(sizedList(fc.nat(), 0, 100), (l) => l.length === 0), { seed: 4 });
    expect(details.counterexample?.[0].length).toBe(1);
  });
});
