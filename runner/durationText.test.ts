import { describe, expect, it } from 'vitest';
import { formatDuration } from './durationText.js';

describe('formatDuration', () => {
  it('writes the units the duration flags read, largest first', () => {
    expect(formatDuration(7_200_000)).toBe('2h');
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(93_600_000)).toBe('1d2h');
    expect(formatDuration(0)).toBe('0ms');
  });
});
