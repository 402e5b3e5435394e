import { setTimeout as sleep } from 'node:timers/promises';
import type { Exchange } from './exchange.js';
import { HarnessError } from './harnessError.js';

/**
 * Client-side quotas shared by every request of a run. Real Cognito limits the UserPoolClient
 * categories to 15 requests per second per account and Region (UserPoolClientUpdate for
 * create/update/delete, UserPoolClientRead for describe/list) and to 5 per second per operation
 * in one user pool (Developer Guide, "Quotas in Amazon Cognito",
 * docs.aws.amazon.com/cognito/latest/developerguide/quotas.html: "API request rate quotas"). A run that
 * sends faster only buys TooManyRequestsException answers, and a busy sandbox account (another
 * job in the same account) can throttle a run that keeps to the documented numbers, so the rate
 * also adapts: AIMD, as TCP does. A throttling answer multiplies the rate of the buckets the
 * request used by `decrease` (at most once per `cooldownMs`: requests already in flight answer
 * throttled too and must not drop it again), and every admitted request adds `increase` of the
 * configured rate back, never above it.
 *
 * Buckets: one per (user pool, category) and one per (account, category); a request takes a slot
 * in both. Per pool we count all write operations together, not each operation, which stays
 * within the per-operation quota whatever the mix. Operations without a UserPoolId (ListUserPools,
 * CreateUserPool) use the account bucket only. Starts are spaced evenly (no bursts): a request may
 * start when the next slots of both its buckets have come.
 */
export interface QuotaRates {
  poolWritesPerSecond: number;
  accountWritesPerSecond: number;
  poolReadsPerSecond: number;
  accountReadsPerSecond: number;
}

/** The documented defaults of real Cognito (see above). */
export const AWS_QUOTA_RATES: Readonly<QuotaRates> = Object.freeze({
  poolWritesPerSecond: 5,
  accountWritesPerSecond: 15,
  poolReadsPerSecond: 5,
  accountReadsPerSecond: 15,
});

export interface AimdSettings {
  /** The rate is multiplied by this on a throttling answer (0 < decrease < 1). */
  decrease: number;
  /** Each admitted request adds this fraction of the configured rate back. */
  increase: number;
  /** The rate never falls below this fraction of the configured rate. */
  floor: number;
  /** At most one decrease per bucket within this window. */
  cooldownMs: number;
}

/**
 * Tuned with bench/throttle.ts against the throttling fake: gentle enough that a neighbour taking
 * a third of the account's quota still leaves the run above 90% of what remains, fast enough that
 * a single throttle is forgotten within about a second at 5 requests per second.
 */
export const DEFAULT_AIMD: Readonly<AimdSettings> = Object.freeze({
  decrease: 0.8,
  increase: 0.04,
  floor: 0.1,
  cooldownMs: 1_000,
});

export type QuotaCategory = 'write' | 'read';

export interface QuotaRequest {
  operation: string;
  userPoolId?: string;
}

export interface AcquireRequest extends QuotaRequest {
  /** This attempt repeats a request that was already sent (after throttling or a connection failure). */
  retry?: boolean;
  signal?: AbortSignal;
}

/** What the report shows about quotas: harness events, never conformance results. */
export interface QuotaCounts {
  /** Attempts let through, retries included. */
  sent: number;
  /** Answers that asked to slow down (TooManyRequestsException, ThrottlingException, HTTP 429 or 503). */
  throttled: number;
  /** Attempts that repeated an earlier one. */
  retried: number;
  /** Time requests spent waiting for a slot, summed over requests. */
  waitedMs: number;
  /** Throttling answers that lowered a rate (the others fell within a cooldown). */
  rateDecreases: number;
}

export interface QuotaLimiter {
  readonly rates: Readonly<QuotaRates>;
  /** Resolves when the request may start; an abort while waiting is E_INTERRUPTED. */
  acquire(request: AcquireRequest): Promise<void>;
  /** The answer to a request was throttling: slow its buckets down. */
  throttled(request: QuotaRequest): void;
  /** The answer was anything else (an error included): the quota admitted it. */
  succeeded(request: QuotaRequest): void;
  counts(): QuotaCounts;
  /** The current rate of a bucket, requests per second (for reports and tests). */
  currentRate(category: QuotaCategory, userPoolId?: string): number;
}

export interface QuotaLimiterOptions {
  rates?: Partial<QuotaRates>;
  aimd?: Partial<AimdSettings>;
  now?: () => number;
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Error shapes and statuses that mean "slow down": Cognito's own, the generic AWS ones, HTTP's. */
export const QUOTA_ERROR_TYPES: readonly string[] = ['TooManyRequestsException', 'ThrottlingException', 'RequestLimitExceeded'];

export function isQuotaSignal(exchange: Pick<Exchange, 'status' | 'errorType'>): boolean {
  return exchange.status === 429 || exchange.status === 503 || (exchange.errorType !== undefined && QUOTA_ERROR_TYPES.includes(exchange.errorType));
}

/** Reads are the Describe/List/Get operations (the UserPoolClientRead category and its kin). */
export function quotaCategory(operation: string): QuotaCategory {
  return /^(Describe|List|Get)/.test(operation) ? 'read' : 'write';
}

interface Bucket {
  readonly max: number;
  rate: number;
  /** Earliest start of the next request, ms on the limiter's clock. */
  next: number;
  lastDecrease: number;
}

interface Waiter {
  buckets: Bucket[];
  grant(): void;
}

// Timer lateness up to this fraction of an interval is made up on the next start, so the average
// stays at the rate; no two starts of a bucket come closer than (1 - LATENESS_MADE_UP) intervals.
const LATENESS_MADE_UP = 0.25;

export function createQuotaLimiter(options: QuotaLimiterOptions = {}): QuotaLimiter {
  const rates: QuotaRates = { ...AWS_QUOTA_RATES, ...options.rates };
  for (const [name, value] of Object.entries(rates)) {
    if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`quota ${name} must be a positive number, got ${value}`);
  }
  const aimd: AimdSettings = { ...DEFAULT_AIMD, ...options.aimd };
  if (!(aimd.decrease > 0 && aimd.decrease < 1)) throw new RangeError(`aimd.decrease must be between 0 and 1, got ${aimd.decrease}`);
  const now = options.now ?? (() => performance.now());
  const wait = options.wait ?? ((ms: number, signal?: AbortSignal) => sleep(ms, undefined, signal === undefined ? {} : { signal }));
  const buckets = new Map<string, Bucket>();
  const counts: QuotaCounts = { sent: 0, throttled: 0, retried: 0, waitedMs: 0, rateDecreases: 0 };

  const bucket = (key: string, max: number): Bucket => {
    let b = buckets.get(key);
    if (b === undefined) {
      b = { max, rate: max, next: -Infinity, lastDecrease: -Infinity };
      buckets.set(key, b);
    }
    return b;
  };
  const bucketsOf = (request: QuotaRequest): Bucket[] => {
    const category = quotaCategory(request.operation);
    const write = category === 'write';
    const account = bucket(`account:${category}`, write ? rates.accountWritesPerSecond : rates.accountReadsPerSecond);
    if (request.userPoolId === undefined) return [account];
    return [bucket(`pool:${category}:${request.userPoolId}`, write ? rates.poolWritesPerSecond : rates.poolReadsPerSecond), account];
  };

  // Waiters in arrival order. A slot goes to the first waiter whose buckets are all free, so a
  // request held back by its own pool never holds up another pool's request behind it (reserving
  // slots ahead in arrival order would leave the account's slots unused while it waits).
  const queue: Waiter[] = [];
  let timer: { at: number; cancel: AbortController } | undefined;
  const readyAt = (used: readonly Bucket[]): number => Math.max(...used.map((b) => b.next));
  const take = (used: readonly Bucket[], t: number): void => {
    for (const b of used) {
      const interval = 1000 / b.rate;
      b.next = t - b.next <= interval * LATENESS_MADE_UP ? b.next + interval : t + interval;
    }
  };
  const pump = (): void => {
    const t = now();
    for (let i = 0; i < queue.length; ) {
      const w = queue[i] as Waiter;
      if (readyAt(w.buckets) <= t) {
        take(w.buckets, t);
        queue.splice(i, 1);
        w.grant();
      } else i++;
    }
    if (queue.length === 0) return;
    const at = Math.min(...queue.map((w) => readyAt(w.buckets)));
    if (timer !== undefined && timer.at <= at) return;
    timer?.cancel.abort();
    const mine = { at, cancel: new AbortController() };
    timer = mine;
    wait(Math.max(0, at - t), mine.cancel.signal).then(
      () => {
        if (timer !== mine) return;
        timer = undefined;
        pump();
      },
      // Cancelled: a waiter that is ready sooner set another timer.
      () => undefined,
    );
  };

  return {
    rates,
    async acquire(request) {
      const t0 = now();
      const used = bucketsOf(request);
      counts.sent++;
      if (request.retry === true) counts.retried++;
      const { signal } = request;
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          const i = queue.indexOf(waiter);
          if (i >= 0) queue.splice(i, 1);
          reject(new HarnessError('E_INTERRUPTED', `waiting for a ${quotaCategory(request.operation)} slot for ${request.operation} was aborted`));
        };
        const waiter: Waiter = {
          buckets: used,
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        if (signal?.aborted === true) {
          onAbort();
          return;
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        pump();
      });
      counts.waitedMs += now() - t0;
    },
    throttled(request) {
      counts.throttled++;
      const t = now();
      let lowered = false;
      for (const b of bucketsOf(request)) {
        if (t - b.lastDecrease >= aimd.cooldownMs) {
          b.rate = Math.max(b.max * aimd.floor, b.rate * aimd.decrease);
          b.lastDecrease = t;
          lowered = true;
        }
        // The server's bucket is empty now: the next start waits one interval at the new rate.
        b.next = Math.max(b.next, t + 1000 / b.rate);
      }
      if (lowered) counts.rateDecreases++;
    },
    succeeded(request) {
      for (const b of bucketsOf(request)) b.rate = Math.min(b.max, b.rate + b.max * aimd.increase);
    },
    counts: () => ({ ...counts }),
    currentRate(category, userPoolId) {
      const b = buckets.get(userPoolId === undefined ? `account:${category}` : `pool:${category}:${userPoolId}`);
      if (b !== undefined) return b.rate;
      if (category === 'write') return userPoolId === undefined ? rates.accountWritesPerSecond : rates.poolWritesPerSecond;
      return userPoolId === undefined ? rates.accountReadsPerSecond : rates.poolReadsPerSecond;
    },
  };
}

/** One attempt of a transport, as the shared retry calls it (see withQuota). */
export type QuotaAttempt = (operation: string, input: Readonly<Record<string, unknown>>, signal: AbortSignal | undefined) => Promise<Exchange>;

/**
 * Puts the limiter around one attempt: a slot before it, the answer reported after it. Meant to sit
 * inside the transport's retry, so that every attempt, retries included, takes a slot:
 * `withRetry(withQuota(attemptOnce, limiter), …)`. A retry is recognised as the same input object
 * sent again before a final (non-throttled) answer, which is how a retry loop resends. An attempt
 * that throws (network failure) reports nothing: it says nothing about the quota.
 */
export function withQuota(attemptOnce: QuotaAttempt, limiter: QuotaLimiter): QuotaAttempt {
  const pending = new WeakSet<object>();
  return async (operation, input, signal) => {
    const request: QuotaRequest = typeof input.UserPoolId === 'string' ? { operation, userPoolId: input.UserPoolId } : { operation };
    const retry = pending.has(input);
    pending.add(input);
    await limiter.acquire({ ...request, retry, ...(signal === undefined ? {} : { signal }) });
    // A throw leaves the input pending: if the retry loop sends it again, that attempt is a retry.
    const exchange = await attemptOnce(operation, input, signal);
    if (isQuotaSignal(exchange)) {
      limiter.throttled(request);
    } else {
      limiter.succeeded(request);
      pending.delete(input);
    }
    return exchange;
  };
}
