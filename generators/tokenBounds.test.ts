import { describe, expect, it } from 'vitest';
import { TOKENS } from '../contract/tokenValidity.js';
import { acceptsValue, outOfRangeIntervals, unitAloneInRange, valueBounds } from './tokenBounds.js';

const [access, id, refresh] = ['access', 'id', 'refresh'].map((k) => TOKENS.find((t) => t.kind === k)!);

describe('tokenBounds', () => {
  it('gives the allowed values per unit (access and ID: 5 minutes to 1 day; refresh: 60 minutes to 3650 days)', () => {
    for (const t of [access, id]) {
      expect(valueBounds(t, 'seconds')).toEqual({ min: 300, max: 86400 });
      expect(valueBounds(t, 'minutes')).toEqual({ min: 5, max: 1440 });
      expect(valueBounds(t, 'hours')).toEqual({ min: 1, max: 24 });
      expect(valueBounds(t, 'days')).toEqual({ min: 1, max: 1 });
      expect(valueBounds(t, undefined)).toEqual({ min: 1, max: 24 });
    }
    expect(valueBounds(refresh, 'seconds')).toEqual({ min: 3600, max: 315360000 });
    expect(valueBounds(refresh, 'minutes')).toEqual({ min: 60, max: 5256000 });
    expect(valueBounds(refresh, 'hours')).toEqual({ min: 1, max: 87600 });
    expect(valueBounds(refresh, 'days')).toEqual({ min: 1, max: 3650 });
    expect(valueBounds(refresh, undefined)).toEqual({ min: 1, max: 3650 });
  });

  it('accepts refresh 0 only without a unit or in days', () => {
    expect(acceptsValue(refresh, undefined, 0)).toBe(true);
    expect(acceptsValue(refresh, 'days', 0)).toBe(true);
    expect(acceptsValue(refresh, 'hours', 0)).toBe(false);
    expect(acceptsValue(access, undefined, 25)).toBe(false);
    expect(acceptsValue(access, 'minutes', 25)).toBe(true);
    expect(acceptsValue(access, 'minutes', 2.5)).toBe(false);
  });

  it('knows which units may go without their value', () => {
    expect(['seconds', 'minutes', 'hours', 'days'].map((u) => unitAloneInRange(access, u as 'days'))).toEqual([false, false, true, true]);
    expect(['seconds', 'minutes', 'hours', 'days'].map((u) => unitAloneInRange(refresh, u as 'days'))).toEqual([false, false, true, true]);
  });

  it('finds out-of-range values inside the model range, never refresh 0', () => {
    expect(outOfRangeIntervals(access, undefined)).toEqual({ above: { min: 25, max: 86400 } });
    expect(outOfRangeIntervals(access, 'seconds')).toEqual({ below: { min: 1, max: 299 } });
    expect(outOfRangeIntervals(access, 'days')).toEqual({ above: { min: 2, max: 86400 } });
    expect(outOfRangeIntervals(refresh, 'minutes')).toEqual({ below: { min: 1, max: 59 }, above: { min: 5256001, max: 315360000 } });
    expect(outOfRangeIntervals(refresh, 'days')).toEqual({ above: { min: 3651, max: 315360000 } });
  });
});
