import { describe, expect, it } from 'vitest';
import { parseDuration } from './parseDuration.js';

describe('parseDuration', () => {
  it('reads units and sums parts', () => {
    expect(parseDuration('--older-than', '2h')).toBe(7_200_000);
    expect(parseDuration('--older-than', '1h30m')).toBe(5_400_000);
    expect(parseDuration('--time-budget', '90s')).toBe(90_000);
    expect(parseDuration('--time-budget', '1.5h')).toBe(5_400_000);
    expect(parseDuration('--time-budget', '250ms')).toBe(250);
    expect(parseDuration('--older-than', '1d')).toBe(86_400_000);
    expect(parseDuration('--older-than', '0')).toBe(0);
    expect(parseDuration('--older-than', ' 0s ')).toBe(0);
  });

  it('refuses a bare number, an unknown unit or anything else, naming the flag', () => {
    for (const raw of ['120', '2 hours', '2w', '-1h', '', 'h']) {
      expect(() => parseDuration('--older-than', raw), raw).toThrow(expect.objectContaining({ code: 'E_USAGE', message: expect.stringContaining('--older-than') }));
    }
  });
});
