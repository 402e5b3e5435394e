import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rateLimiter.js';

describe('createRateLimiter', () => {
  it('spaces starts 1/perSecond apart', async () => {
    const limiter = createRateLimiter(50);
    const starts: number[] = [];
    const t0 = performance.now();
    await Promise.all([0, 1, 2, 3, 4].map(async () => {
      await limiter.acquire();
      starts.push(performance.now() - t0);
    }));
    starts.sort((a, b) => a - b);
    // Five starts at 50/s take at least four intervals of 20 ms (timers may fire late, never early).
    expect(starts[4] - starts[0]).toBeGreaterThanOrEqual(4 * 20 - 2);
  });

  it('does not delay the first caller', async () => {
    const limiter = createRateLimiter(1);
    const t0 = performance.now();
    await limiter.acquire();
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('rejects a rate that is not positive', () => {
    expect(() => createRateLimiter(0)).toThrow(RangeError);
  });
});
