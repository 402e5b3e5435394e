import { describe, expect, it } from 'vitest';
import { lifecycleRuns } from './lifecycleRuns.js';

describe('lifecycleRuns', () => {
  it('runs a fifth of --runs as sequences, at least two', () => {
    expect(lifecycleRuns(25)).toBe(5);
    expect(lifecycleRuns(1)).toBe(2);
    expect(lifecycleRuns(101)).toBe(21);
  });
});
