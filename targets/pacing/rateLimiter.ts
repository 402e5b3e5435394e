import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces request starts evenly so that no more than `perSecond` start in any second. Real Cognito
 * allows 5 requests per second per operation per user pool (Developer Guide, "Quotas"); going
 * faster only buys TooManyRequestsException answers and retries.
 */
export interface RateLimiter {
  /** Resolves when the caller may start one request. */
  acquire(): Promise<void>;
}

export function createRateLimiter(perSecond: number, now: () => number = Date.now): RateLimiter {
  if (!(perSecond > 0)) throw new RangeError(`perSecond must be > 0, got ${perSecond}`);
  const intervalMs = 1000 / perSecond;
  let nextSlot = 0;
  return {
    async acquire() {
      const t = now();
      const slot = Math.max(t, nextSlot);
      nextSlot = slot + intervalMs;
      if (slot > t) await sleep(slot - t);
    },
  };
}
