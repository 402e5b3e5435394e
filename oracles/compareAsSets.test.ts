import { describe, expect, it } from 'vitest';
import { compareAsSets } from './compareAsSets.js';

describe('compareAsSets', () => {
  it('ignores order and repeats', () => {
    expect(compareAsSets(['a', 'b', 'b'], ['b', 'a']).equal).toBe(true);
  });

  it('names what is missing and what is extra, once each', () => {
    expect(compareAsSets(['a', 'b', 'b'], ['c', 'a', 'c'])).toEqual({ equal: false, missing: ['b'], extra: ['c'] });
  });
});
