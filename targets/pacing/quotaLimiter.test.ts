import { describe, expect, it } from 'vitest';
import type { Exchange } from '../exchange.js';
import { AWS_QUOTA_RATES, createQuotaLimiter, DEFAULT_AIMD, isQuotaSignal, quotaBucketKeys, quotaCategory, withQuota, type QuotaLimiterOptions } from './quotaLimiter.js';

/** A clock that only moves when the limiter waits: start times are exact, no timing involved. */
function virtualClock(): Pick<QuotaLimiterOptions, 'now' | 'wait'> & { t: number; advance(ms: number): void } {
  const clock = {
    t: 0,
    now: () => clock.t,
    wait: async (ms: number) => {
      clock.t += ms;
    },
    advance(ms: number) {
      clock.t += ms;
    },
  };
  return clock;
}

/** Timers that fire only when the test runs them, in time order: concurrency without real time. */
function timerClock(): Required<Pick<QuotaLimiterOptions, 'now' | 'wait'>> & { runUntilIdle(): Promise<void> } {
  let t = 0;
  const timers: { at: number; fire: () => void }[] = [];
  const settle = () => new Promise<void>((r) => setImmediate(r));
  return {
    now: () => t,
    wait: (ms, signal) => new Promise<void>((resolve, reject) => {
      const timer = { at: t + ms, fire: resolve };
      timers.push(timer);
      signal?.addEventListener('abort', () => {
        timers.splice(timers.indexOf(timer), 1);
        reject(new Error('cancelled'));
      });
    }),
    async runUntilIdle() {
      for (await settle(); timers.length > 0; await settle()) {
        timers.sort((x, y) => x.at - y.at);
        const next = timers.shift() as (typeof timers)[number];
        t = next.at;
        next.fire();
      }
    },
  };
}

async function startTimes(limiter: ReturnType<typeof createQuotaLimiter>, clock: { t: number }, requests: { operation: string; userPoolId?: string }[]): Promise<number[]> {
  const out: number[] = [];
  for (const r of requests) {
    await limiter.acquire(r);
    out.push(Math.round(clock.t));
  }
  return out;
}

const create = (userPoolId?: string) => ({ operation: 'CreateUserPoolClient', ...(userPoolId === undefined ? {} : { userPoolId }) });
const describeClient = (userPoolId: string) => ({ operation: 'DescribeUserPoolClient', userPoolId });

describe('createQuotaLimiter', () => {
  it('defaults to the documented Cognito quotas', () => {
    expect(AWS_QUOTA_RATES).toEqual({ poolWritesPerSecond: 5, accountWritesPerSecond: 15, poolReadsPerSecond: 5, accountReadsPerSecond: 15 });
    expect(createQuotaLimiter().rates).toEqual(AWS_QUOTA_RATES);
  });

  it('spaces the writes of one pool evenly at the pool rate', async () => {
    const clock = virtualClock();
    const limiter = createQuotaLimiter(clock);
    expect(await startTimes(limiter, clock, Array.from({ length: 6 }, () => create('p1')))).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('holds several pools together to the account rate', async () => {
    const clock = virtualClock();
    const limiter = createQuotaLimiter(clock);
    const pools = ['a', 'b', 'c', 'd'];
    const starts = await startTimes(limiter, clock, Array.from({ length: 16 }, (_, i) => create(pools[i % 4])));
    // 15 per second across the account: one every 66.7 ms; no pool above 5 per second (every 4th slot is 267 ms apart).
    expect(starts.slice(0, 4)).toEqual([0, 67, 133, 200]);
    expect(starts[15]).toBe(1000);
  });

  it('gives a free slot to the first waiter that can use it: a request held back by its pool does not hold up another pool', async () => {
    const clock = timerClock();
    const limiter = createQuotaLimiter(clock);
    const granted: string[] = [];
    const requests = ['a', 'a', 'a', 'b', 'c'].map((pool, i) =>
      limiter.acquire(create(pool)).then(() => granted.push(`${pool}${i}@${Math.round(clock.now())}`)));
    await clock.runUntilIdle();
    await Promise.all(requests);
    // The account's slots come every 66.7 ms; a's second start waits for its pool (200 ms), b and c take the slots between.
    expect(granted).toEqual(['a0@0', 'b3@67', 'c4@133', 'a1@200', 'a2@400']);
  });

  it('keeps reads and writes in separate buckets, and pools without an id in the account bucket only', async () => {
    const clock = virtualClock();
    const limiter = createQuotaLimiter(clock);
    expect(await startTimes(limiter, clock, [create('p'), describeClient('p'), create('p'), describeClient('p')])).toEqual([0, 0, 200, 200]);
    expect(quotaCategory('ListUserPoolClients')).toBe('read');
    expect(quotaCategory('DeleteUserPoolClient')).toBe('write');
    const clock2 = virtualClock();
    const l2 = createQuotaLimiter({ ...clock2, rates: { accountWritesPerSecond: 10 } });
    expect(await startTimes(l2, clock2, [create(), create(), create()])).toEqual([0, 100, 200]);
  });

  it('limits each operation of a pool on its own (the documented per-operation limit) and the category across the account', async () => {
    const clock = virtualClock();
    const limiter = createQuotaLimiter(clock);
    const del = { operation: 'DeleteUserPoolClient', userPoolId: 'p' };
    // Creates and deletes of one pool do not share the 5 per second: each has its own.
    expect(await startTimes(limiter, clock, [create('p'), del, create('p'), del])).toEqual([0, 67, 200, 267]);
    expect(quotaBucketKeys(del)).toEqual({ account: 'account:UserPoolClientUpdate', pool: 'pool:p:DeleteUserPoolClient' });
    // Pools themselves (UserPoolUpdate) have no per-pool limit; resource servers (UserPoolResourceUpdate) do.
    expect(quotaBucketKeys({ operation: 'DeleteUserPool', userPoolId: 'p' })).toEqual({ account: 'account:UserPoolUpdate' });
    expect(quotaBucketKeys({ operation: 'DeleteResourceServer', userPoolId: 'p' })).toEqual({ account: 'account:UserPoolResourceUpdate', pool: 'pool:p:DeleteResourceServer' });
    // Another category does not wait for the client writes' account bucket.
    const clock2 = virtualClock();
    const l2 = createQuotaLimiter({ ...clock2, rates: { accountWritesPerSecond: 1 } });
    expect(await startTimes(l2, clock2, [create('p'), { operation: 'DeleteUserPool', userPoolId: 'p' }, create('q')])).toEqual([0, 0, 1000]);
  });

  it('drops the rate on throttling once per cooldown, never below the floor, and recovers additively up to the quota', () => {
    const clock = virtualClock();
    const limiter = createQuotaLimiter(clock);
    const pool = (r: ReturnType<typeof create>) => limiter.currentRate(r, 'pool');
    limiter.throttled(create('p'));
    expect(pool(create('p'))).toBeCloseTo(5 * DEFAULT_AIMD.decrease);
    expect(limiter.currentRate(create('p'), 'account')).toBeCloseTo(15 * DEFAULT_AIMD.decrease);
    // Requests that were in flight come back throttled too: no second drop within the cooldown.
    limiter.throttled(create('p'));
    expect(pool(create('p'))).toBeCloseTo(5 * DEFAULT_AIMD.decrease);
    for (let i = 0; i < 30; i++) {
      clock.advance(DEFAULT_AIMD.cooldownMs);
      limiter.throttled(create('p'));
    }
    expect(pool(create('p'))).toBeCloseTo(5 * DEFAULT_AIMD.floor);
    limiter.succeeded(create('p'));
    expect(pool(create('p'))).toBeCloseTo(5 * DEFAULT_AIMD.floor + 5 * DEFAULT_AIMD.increase);
    for (let i = 0; i < 100; i++) limiter.succeeded(create('p'));
    expect(pool(create('p'))).toBe(5);
    expect(limiter.currentRate(describeClient('p'), 'pool')).toBe(5);
    expect(limiter.counts()).toMatchObject({ throttled: 32, rateDecreases: 31 });
  });

  it('without configured quotas sends unpaced until the first throttle, then learns the rate it was sending at and keeps below it', async () => {
    const clock = virtualClock();
    const limiter = createQuotaLimiter({ ...clock, unconfigured: true });
    expect(limiter.rates).toBeUndefined();
    // 10 creates in the first 100 ms: nothing waits.
    const starts: number[] = [];
    for (let i = 0; i < 10; i++) {
      await limiter.acquire(create('p'));
      starts.push(clock.t);
      clock.advance(10);
    }
    expect(starts).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(limiter.currentRate(create('p'), 'pool')).toBe(Infinity);
    limiter.throttled(create('p'));
    // It was sending 10 per second (10 starts in the last second): the ceiling; the rate drops below it.
    expect(limiter.currentRate(create('p'), 'pool')).toBeCloseTo(10 * DEFAULT_AIMD.decrease);
    expect(limiter.currentRate(create('p'), 'account')).toBeCloseTo(10 * DEFAULT_AIMD.decrease);
    // Other buckets have not been throttled: still unlimited.
    expect(limiter.currentRate(create('q'), 'pool')).toBe(Infinity);
    expect(limiter.currentRate(describeClient('p'), 'account')).toBe(Infinity);
    // From now on the pool's creates are paced at the learned rate.
    const t0 = clock.t;
    await limiter.acquire({ ...create('p'), retry: true });
    await limiter.acquire(create('p'));
    expect(clock.t - t0).toBeCloseTo(2 * (1000 / (10 * DEFAULT_AIMD.decrease)));
    // A second throttle after the cooldown: the ceiling becomes the rate it happened at.
    clock.advance(DEFAULT_AIMD.cooldownMs);
    limiter.throttled(create('p'));
    expect(limiter.currentRate(create('p'), 'pool')).toBeCloseTo(10 * DEFAULT_AIMD.decrease ** 2);
    for (let i = 0; i < 200; i++) limiter.succeeded(create('p'));
    // Recovered to the learned ceiling, then probing a little above it.
    const recovered = limiter.currentRate(create('p'), 'pool');
    expect(recovered).toBeGreaterThan(10 * DEFAULT_AIMD.decrease);
    expect(recovered).toBeLessThan(10 * DEFAULT_AIMD.decrease * 3);
    expect(limiter.counts()).toMatchObject({ throttled: 2, rateDecreases: 2 });
  });

  it('after a throttle the next start waits one interval at the lowered rate', async () => {
    const clock = virtualClock();
    const limiter = createQuotaLimiter(clock);
    await limiter.acquire(create('p'));
    limiter.throttled(create('p'));
    await limiter.acquire({ ...create('p'), retry: true });
    expect(clock.t).toBeCloseTo(1000 / (5 * DEFAULT_AIMD.decrease));
    expect(limiter.counts()).toMatchObject({ sent: 2, retried: 1, throttled: 1 });
    expect(limiter.counts().waitedMs).toBeCloseTo(250);
  });

  it('an abort while waiting for a slot is E_INTERRUPTED', async () => {
    const limiter = createQuotaLimiter({ rates: { poolWritesPerSecond: 0.001 } });
    await limiter.acquire(create('p'));
    await expect(limiter.acquire({ ...create('p'), signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'E_INTERRUPTED' });
  });

  it('rejects rates and settings that make no sense', () => {
    expect(() => createQuotaLimiter({ rates: { poolWritesPerSecond: 0 } })).toThrow(RangeError);
    expect(() => createQuotaLimiter({ rates: { accountReadsPerSecond: Number.NaN } })).toThrow(RangeError);
    expect(() => createQuotaLimiter({ aimd: { decrease: 1 } })).toThrow(RangeError);
  });
});

describe('isQuotaSignal', () => {
  it('is Cognito throttling (400 TooManyRequestsException), the generic AWS ones, 429 and 503', () => {
    expect(isQuotaSignal({ status: 400, errorType: 'TooManyRequestsException' })).toBe(true);
    expect(isQuotaSignal({ status: 400, errorType: 'ThrottlingException' })).toBe(true);
    expect(isQuotaSignal({ status: 429 })).toBe(true);
    expect(isQuotaSignal({ status: 503 })).toBe(true);
    expect(isQuotaSignal({ status: 400, errorType: 'InvalidParameterException' })).toBe(false);
    expect(isQuotaSignal({ status: 500, errorType: 'InternalErrorException' })).toBe(false);
    expect(isQuotaSignal({ status: 200 })).toBe(false);
  });
});

describe('withQuota', () => {
  const answer = (status: number, errorType?: string): Exchange => ({
    operation: 'CreateUserPoolClient', input: {}, status, headers: {}, body: undefined, rawBody: '', elapsedMs: 1, ...(errorType ? { errorType } : {}),
  });

  it('takes a slot per attempt, reports each answer, and counts a resent input as a retry', async () => {
    const clock = virtualClock();
    const limiter = createQuotaLimiter(clock);
    const answers = [answer(400, 'TooManyRequestsException'), answer(200), answer(200)];
    const seen: string[] = [];
    const attempt = withQuota(async (operation, input) => {
      seen.push(`${operation}@${Math.round(clock.t)}:${String(input.ClientName)}`);
      return answers.shift() as Exchange;
    }, limiter);
    const input = { UserPoolId: 'p', ClientName: 'one' };
    // A retry loop resends the same input object after a throttled answer.
    expect((await attempt('CreateUserPoolClient', input, undefined)).status).toBe(400);
    expect((await attempt('CreateUserPoolClient', input, undefined)).status).toBe(200);
    // A fresh request (another object) is not a retry.
    expect((await attempt('CreateUserPoolClient', { UserPoolId: 'p', ClientName: 'two' }, undefined)).status).toBe(200);
    expect(limiter.counts()).toMatchObject({ sent: 3, retried: 1, throttled: 1, rateDecreases: 1 });
    expect(seen).toEqual(['CreateUserPoolClient@0:one', 'CreateUserPoolClient@250:one', 'CreateUserPoolClient@500:two']);
  });

  it('a network failure reports nothing to the limiter and leaves the next attempt counted as a retry', async () => {
    const limiter = createQuotaLimiter(virtualClock());
    let calls = 0;
    const attempt = withQuota(async () => {
      if (calls++ === 0) throw new Error('ECONNRESET');
      return answer(200);
    }, limiter);
    const input = { UserPoolId: 'p' };
    await expect(attempt('ListUserPoolClients', input, undefined)).rejects.toThrow('ECONNRESET');
    await attempt('ListUserPoolClients', input, undefined);
    expect(limiter.counts()).toMatchObject({ sent: 2, retried: 1, throttled: 0 });
  });
});
