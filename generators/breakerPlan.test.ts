import { describe, expect, it } from 'vitest';
import { cannotBreak, withItem } from './breakerPlan.js';

describe('breakerPlan', () => {
  it('inserts an item at a position, keeping the list within its maximum and a kept element in it', () => {
    expect(withItem(['a', 'b'], 'x', 1)).toEqual(['a', 'x', 'b']);
    expect(withItem(undefined, 'x', 5)).toEqual(['x']);
    expect(withItem(['a', 'b', 'c'], 'x', 3, 3)).toEqual(['a', 'b', 'x']);
    expect(withItem(['a', 'b', 'c'], 'x', 0, 3, 'c')).toEqual(['x', 'a', 'c']);
  });

  it('carries the reason a rule cannot be broken', () => {
    expect(cannotBreak('because')).toEqual({ ok: false, reason: 'because' });
  });
});
