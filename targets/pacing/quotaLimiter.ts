import { setTimeout as sleep } from 'node:timers/promises';
import type { Exchange } from '../exchange.js';
import { quotaCategoryOf } from './cognitoQuotaCategory.js';
import { HarnessError } from '../harnessError.js';

/**
 * Client-side quotas shared by every request of a run, kept to the way Cognito counts them
 * (targets/pacing/cognitoQuotaCategory.ts, from the Developer Guide's "Quotas in Amazon Cognito",
 * https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html): each operation counts
 * against its category's rate per account and Region (UserPoolClientUpdate for client
 * create/update/delete, UserPoolClientRead for describe/list, UserPoolUpdate for pools, …: 15
 * requests per second each by default), and, in the categories that carry the page's note, each
 * single operation also against 5 requests per second in one user pool. A request takes a slot in
 * its account-category bucket and, when it names a pool and its category has the note, in its
 * (pool, operation) bucket. Starts are spaced evenly (no bursts): a request may start when the
 * next slots of all its buckets have come.
 *
 * A run that sends faster only buys TooManyRequestsException answers, and a busy sandbox account
 * (another job in the same account) can throttle a run that keeps to the documented numbers, so
 * the rate also adapts, AIMD as TCP does: a throttling answer multiplies the rate of the buckets
 * the request used by `decrease` (at most once per `cooldownMs`: requests already in flight
 * answer throttled too and must not drop it again), and every admitted request adds `increase` of
 * the bucket's ceiling back, never above it.
 *
 * Without configured quotas (an emulator, or an endpoint whose quotas nobody knows) the buckets
 * start unlimited and learn (`unconfigured`): the first throttling answer in a bucket sets its
 * ceiling to the rate it was sending at (requests started in the last second) and its rate to
 * `decrease` of that, as the AWS SDKs' adaptive retry mode does with its client-side token bucket
 * (@smithy/core DefaultRateLimiter: measured send rate times beta, 0.7, on a throttle). Unlike
 * that one bucket per client, ours are per pool and operation and per category, so throttling in
 * one place does not slow the others; and a learned ceiling creeps up by `probe` of itself per
 * admitted request once the rate has reached it, so a ceiling learned during a neighbour's burst is
 * not kept for the rest of the run (CUBIC's probing, linear here). A later throttle sets the
 * ceiling to the rate it happened at.
 */
export interface QuotaRates {
  /** Per operation in one user pool, for write operations. */
  poolWritesPerSecond: number;
  /** Per category in the account and Region, for write categories. */
  accountWritesPerSecond: number;
  poolReadsPerSecond: number;
  accountReadsPerSecond: number;
}

/**
 * The documented defaults of real Cognito for what a run sends (see above): 5 per operation per
 * pool, 15 per category per account. UserPoolResourceRead's account rate is 20; a run sends none
 * of its operations, and 15 is the conservative number for it anyway.
 */
export const AWS_QUOTA_RATES: Readonly<QuotaRates> = Object.freeze({
  poolWritesPerSecond: 5,
  accountWritesPerSecond: 15,
  poolReadsPerSecond: 5,
  accountReadsPerSecond: 15,
});

export interface AimdSettings {
  /** The rate is multiplied by this on a throttling answer (0 < decrease < 1). */
  decrease: number;
  /** Each admitted request adds this fraction of the bucket's ceiling back. */
  increase: number;
  /** The rate never falls below this fraction of the bucket's ceiling. */
  floor: number;
  /** At most one decrease per bucket within this window. */
  cooldownMs: number;
  /** A learned ceiling (no configured quota) grows by this fraction of itself per admitted request at the ceiling. */
  probe: number;
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
  probe: 0.005,
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
  /** The configured quotas; absent: none configured, every bucket learns its rate. */
  readonly rates?: Readonly<QuotaRates>;
  /** Resolves when the request may start; an abort while waiting is E_INTERRUPTED. */
  acquire(request: AcquireRequest): Promise<void>;
  /** The answer to a request was throttling: slow its buckets down. */
  throttled(request: QuotaRequest): void;
  /** The answer was anything else (an error included): the quota admitted it. */
  succeeded(request: QuotaRequest): void;
  counts(): QuotaCounts;
  /**
   * The current rate of the bucket a request uses, requests per second (for reports and tests):
   * `pool` its (pool, operation) bucket, `account` its category's. Infinity: unlimited so far.
   */
  currentRate(request: QuotaRequest, scope: 'pool' | 'account'): number;
}

export interface QuotaLimiterOptions {
  rates?: Partial<QuotaRates>;
  /** No quota is known: buckets start unlimited and learn from throttling (`rates` is ignored). */
  unconfigured?: boolean;
  aimd?: Partial<AimdSettings>;
  now?: () => number;
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Error shapes and statuses that mean "slow down": Cognito's own, the generic AWS ones, HTTP's. */
export const QUOTA_ERROR_TYPES: readonly string[] = ['TooManyRequestsException', 'ThrottlingException', 'RequestLimitExceeded'];

export function isQuotaSignal(exchange: Pick<Exchange, 'status' | 'errorType'>): boolean {
  return exchange.status === 429 || exchange.status === 503 || (exchange.errorType !== undefined && QUOTA_ERROR_TYPES.includes(exchange.errorType));
}

/** Whether an operation counts against a write or a read rate (see cognitoQuotaCategory.ts). */
export function quotaCategory(operation: string): QuotaCategory {
  return quotaCategoryOf(operation).kind;
}

/** The buckets a request takes a slot in: its category's in the account, and its (pool, operation) one where the category has a per-pool limit. */
export function quotaBucketKeys(request: QuotaRequest): { account: string; pool?: string } {
  const category = quotaCategoryOf(request.operation);
  const account = `account:${category.name}`;
  if (request.userPoolId === undefined || !category.perPoolOperation) return { account };
  return { account, pool: `pool:${request.userPoolId}:${request.operation}` };
}

interface Bucket {
  /** The ceiling: configured, learned, or Infinity (not learned yet). */
  max: number;
  readonly learns: boolean;
  rate: number;
  /** Earliest start of the next request, ms on the limiter's clock. */
  next: number;
  lastDecrease: number;
  /** Starts per RATE_SLOT_MS slot over the last RATE_WINDOW_MS, while the bucket is unlimited: the rate it was sending at. */
  slotCounts: number[];
  slotIds: number[];
}

interface Waiter {
  buckets: Bucket[];
  grant(): void;
}

// Timer lateness up to this fraction of an interval is made up on the next start, so the average
// stays at the rate; no two starts of a bucket come closer than (1 - LATENESS_MADE_UP) intervals.
const LATENESS_MADE_UP = 0.25;
const RATE_SLOT_MS = 100;
const RATE_SLOTS = 10;
const RATE_WINDOW_MS = RATE_SLOT_MS * RATE_SLOTS;

function countStart(b: Bucket, t: number): void {
  const slot = Math.floor(t / RATE_SLOT_MS);
  const i = slot % RATE_SLOTS;
  if (b.slotIds[i] !== slot) {
    b.slotIds[i] = slot;
    b.slotCounts[i] = 0;
  }
  b.slotCounts[i] = (b.slotCounts[i] as number) + 1;
}

/** Requests per second started in the last RATE_WINDOW_MS. */
function startedPerSecond(b: Bucket, t: number): number {
  const slot = Math.floor(t / RATE_SLOT_MS);
  let n = 0;
  for (let i = 0; i < RATE_SLOTS; i++) if ((b.slotIds[i] as number) > slot - RATE_SLOTS) n += b.slotCounts[i] as number;
  return (n * 1000) / RATE_WINDOW_MS;
}

export function createQuotaLimiter(options: QuotaLimiterOptions = {}): QuotaLimiter {
  const unconfigured = options.unconfigured === true;
  const rates: QuotaRates | undefined = unconfigured ? undefined : { ...AWS_QUOTA_RATES, ...options.rates };
  for (const [name, value] of Object.entries(rates ?? {})) {
    if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`quota ${name} must be a positive number, got ${value}`);
  }
  const aimd: AimdSettings = { ...DEFAULT_AIMD, ...options.aimd };
  if (!(aimd.decrease > 0 && aimd.decrease < 1)) throw new RangeError(`aimd.decrease must be between 0 and 1, got ${aimd.decrease}`);
  const now = options.now ?? (() => performance.now());
  const wait = options.wait ?? ((ms: number, signal?: AbortSignal) => sleep(ms, undefined, signal === undefined ? {} : { signal }));
  const buckets = new Map<string, Bucket>();
  const counts: QuotaCounts = { sent: 0, throttled: 0, retried: 0, waitedMs: 0, rateDecreases: 0 };

  const configured = (key: string, kind: QuotaCategory): number => {
    if (rates === undefined) return Infinity;
    const pool = key.startsWith('pool:');
    if (kind === 'write') return pool ? rates.poolWritesPerSecond : rates.accountWritesPerSecond;
    return pool ? rates.poolReadsPerSecond : rates.accountReadsPerSecond;
  };
  const bucket = (key: string, kind: QuotaCategory): Bucket => {
    let b = buckets.get(key);
    if (b === undefined) {
      const max = configured(key, kind);
      b = {
        max, learns: !Number.isFinite(max), rate: max, next: -Infinity, lastDecrease: -Infinity,
        slotCounts: new Array<number>(RATE_SLOTS).fill(0), slotIds: new Array<number>(RATE_SLOTS).fill(-Infinity),
      };
      buckets.set(key, b);
    }
    return b;
  };
  const bucketsOf = (request: QuotaRequest): Bucket[] => {
    const kind = quotaCategory(request.operation);
    const keys = quotaBucketKeys(request);
    return keys.pool === undefined ? [bucket(keys.account, kind)] : [bucket(keys.pool, kind), bucket(keys.account, kind)];
  };

  // Waiters in arrival order. A slot goes to the first waiter whose buckets are all free, so a
  // request held back by its own pool never holds up another pool's request behind it (reserving
  // slots ahead in arrival order would leave the account's slots unused while it waits).
  const queue: Waiter[] = [];
  let timer: { at: number; cancel: AbortController } | undefined;
  const readyAt = (used: readonly Bucket[]): number => Math.max(...used.map((b) => b.next));
  const take = (used: readonly Bucket[], t: number): void => {
    for (const b of used) {
      if (!Number.isFinite(b.rate)) {
        countStart(b, t);
        continue;
      }
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
    ...(rates === undefined ? {} : { rates }),
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
          if (!Number.isFinite(b.rate)) {
            // First throttle of an unlimited bucket: what it was sending at is the first estimate.
            b.max = Math.max(1, startedPerSecond(b, t));
            b.rate = b.max;
          } else if (b.learns) {
            // A learned ceiling is where throttling started again.
            b.max = Math.max(1, Math.min(b.max, b.rate));
          }
          b.rate = Math.max(b.max * aimd.floor, b.rate * aimd.decrease);
          b.lastDecrease = t;
          lowered = true;
        }
        // The server's bucket is empty now: the next start waits one interval at the new rate.
        if (Number.isFinite(b.rate)) b.next = Math.max(b.next, t + 1000 / b.rate);
      }
      if (lowered) counts.rateDecreases++;
    },
    succeeded(request) {
      for (const b of bucketsOf(request)) {
        if (!Number.isFinite(b.rate)) continue;
        if (b.learns && b.rate >= b.max) b.max += b.max * aimd.probe;
        b.rate = Math.min(b.max, b.rate + b.max * aimd.increase);
      }
    },
    counts: () => ({ ...counts }),
    currentRate(request, scope) {
      const keys = quotaBucketKeys(request);
      const key = scope === 'pool' ? keys.pool : keys.account;
      if (key === undefined) return Infinity;
      return (buckets.get(key) ?? bucket(key, quotaCategory(request.operation))).rate;
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
