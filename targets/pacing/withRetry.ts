import type { Exchange, TargetInfo } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import { networkFailureMessage, TransportFailure } from '../transports/networkFailure.js';
import { isQuotaSignal, withQuota, type QuotaCounts, type QuotaLimiter } from './quotaLimiter.js';
import { DEFAULT_RETRY_POLICY, isThrottled, nextRetryDelay, retryPause, type RetryPolicy } from './retryPolicy.js';

/**
 * One attempt of a transport: the target's answer as an Exchange, or a thrown TransportFailure
 * when the network failed (anything else thrown, e.g. E_CREDENTIALS, ends the send as it is).
 */
export type SendAttempt = (operation: string, input: Readonly<Record<string, unknown>>, signal: AbortSignal | undefined) => Promise<Exchange>;

export interface RetryOptions {
  /** Names the target in messages. */
  info: TargetInfo;
  retry?: Partial<RetryPolicy>;
  /**
   * The run's quota limiter (quotaLimiter.ts), shared by every request of the run: each attempt,
   * retries included, takes a slot, and a throttling answer slows it down. Absent: no limit.
   */
  quota?: QuotaLimiter;
  /**
   * Where sends without a limiter count their attempts, throttling answers and retries (a limiter
   * counts them itself): the report's throttling event reads either (see trafficCounts).
   */
  traffic?: QuotaCounts;
  /** Added after the endpoint in failure messages (` through the AWS SDK`). */
  via?: string;
}

/** Zero counts, for RetryOptions.traffic. */
export function newTrafficCounts(): QuotaCounts {
  return { sent: 0, throttled: 0, retried: 0, waitedMs: 0, rateDecreases: 0 };
}

/**
 * Retry, written once for every transport (as undici composes its retry interceptor around any
 * dispatcher): wraps one attempt with the quota limiter, the retry policy (retryPolicy.ts:
 * throttling answers with backoff, since AWS did not execute a throttled request; network failures
 * only when nothing can have been created, so a create is never sent twice) and the one-line
 * harness error a final failure becomes. Throttling that outlasts every retry is a harness error
 * too (E_THROTTLED): the account's load is not the target's conformance, so a throttled answer
 * never reaches an oracle. The Exchange returned counts its attempts.
 */
export function withRetry(attemptOnce: SendAttempt, options: RetryOptions): SendAttempt {
  const { info, traffic } = options;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const attemptLimited: SendAttempt = options.quota === undefined ? attemptOnce : withQuota(attemptOnce, options.quota);
  return async (operation, input, signal) => {
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      let failed: TransportFailure;
      try {
        if (traffic !== undefined) {
          traffic.sent++;
          if (attempt > 1) traffic.retried++;
        }
        const exchange = await attemptLimited(operation, input, signal);
        if (traffic !== undefined && exchange.layer !== 'sdk-client' && isQuotaSignal(exchange)) traffic.throttled++;
        // Only a server can ask to slow down; a client library refusing to send is final.
        if (exchange.layer === 'sdk-client') return { ...exchange, attempts: attempt };
        const delay = nextRetryDelay(policy, operation, { kind: 'answer', exchange }, attempt, performance.now() - started);
        if (delay === undefined) {
          if (isThrottled(exchange)) throw stillThrottled(info, operation, exchange, attempt, performance.now() - started);
          return { ...exchange, attempts: attempt };
        }
        await retryPause(delay, signal, info);
        continue;
      } catch (err) {
        if (!(err instanceof TransportFailure)) throw err;
        failed = err;
      }
      const f = failed.failure;
      if (f.code === 'E_INTERRUPTED' || signal?.aborted === true) {
        throw new HarnessError('E_INTERRUPTED', `${operation} to ${info.name} at ${info.endpoint} was aborted`);
      }
      const delay = nextRetryDelay(policy, operation, { kind: 'failure', failure: f }, attempt, performance.now() - started);
      if (delay === undefined) {
        throw new HarnessError(f.code, networkFailureMessage(info, operation, f, attempt, performance.now() - started, options.via), {
          cause: failed.safeCause(),
        });
      }
      await retryPause(delay, signal, info);
    }
  };
}

function stillThrottled(info: TargetInfo, operation: string, exchange: Exchange, attempts: number, ms: number): HarnessError {
  const answer = exchange.errorType === undefined ? `HTTP ${exchange.status}` : `${exchange.errorType} (HTTP ${exchange.status})`;
  return new HarnessError(
    'E_THROTTLED',
    `${operation} to ${info.name} at ${info.endpoint}: still throttled after ${attempts} attempts in ${(ms / 1000).toFixed(1)} s (${answer}); ` +
      'throttling is the account\'s load, not a verdict: lower --pool-rps/--account-rps, or run when the account is quieter',
  );
}
