import { setTimeout as sleep } from 'node:timers/promises';
import type { Exchange, TargetInfo } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import type { NetworkFailure } from '../transports/networkFailure.js';

/**
 * When a transport tries again. Written as a small loop of our own rather than undici's
 * RetryAgent/retry interceptor because (1) Cognito signals throttling with HTTP 400 and
 * `TooManyRequestsException` in the body, which a status-code based retry cannot see, and
 * (2) undici retries only idempotent methods by default and every awsJson call is a POST: we must
 * decide per failure whether the request could have reached the server (a retried
 * CreateUserPoolClient could create a second client).
 */
export interface RetryPolicy {
  /** Attempts in all, the first included, while the target answers with throttling. */
  maxThrottleAttempts: number;
  throttleBaseDelayMs: number;
  /** Attempts in all while the connection fails. */
  maxConnectAttempts: number;
  connectBaseDelayMs: number;
  maxDelayMs: number;
  /**
   * No new attempt after a connection failure starts later than this after the first attempt.
   * With a 2.5 s connect timeout an unreachable target fails within budget + 2.5 s < 10 s.
   */
  connectBudgetMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxThrottleAttempts: 6,
  throttleBaseDelayMs: 500,
  maxConnectAttempts: 3,
  connectBaseDelayMs: 100,
  maxDelayMs: 5_000,
  connectBudgetMs: 7_000,
};

/** Error shapes that mean "slow down": Cognito's own, and the generic AWS one. */
export const THROTTLING_ERROR_TYPES: readonly string[] = ['TooManyRequestsException', 'ThrottlingException'];

export function isThrottled(exchange: Pick<Exchange, 'status' | 'errorType'>): boolean {
  return exchange.status === 429 || (exchange.errorType !== undefined && THROTTLING_ERROR_TYPES.includes(exchange.errorType));
}

/** Reads change nothing, so a failure after sending may be retried for them. */
export function isReadOnlyOperation(operation: string): boolean {
  return /^(Describe|List|Get)/.test(operation);
}

export type AttemptOutcome =
  | { kind: 'answer'; exchange: Pick<Exchange, 'status' | 'errorType'> }
  | { kind: 'failure'; failure: NetworkFailure };

/**
 * The delay before the next attempt, or undefined to stop. `attempt` counts from 1 (the attempt
 * that just ended); `sinceFirstMs` is the time since the first attempt started.
 */
export function nextRetryDelay(
  policy: Readonly<RetryPolicy>,
  operation: string,
  outcome: AttemptOutcome,
  attempt: number,
  sinceFirstMs: number,
  random: () => number = Math.random,
): number | undefined {
  if (outcome.kind === 'answer') {
    if (!isThrottled(outcome.exchange) || attempt >= policy.maxThrottleAttempts) return undefined;
    return backoff(policy.throttleBaseDelayMs, policy.maxDelayMs, attempt, random);
  }
  const f = outcome.failure;
  if (!f.transient || attempt >= policy.maxConnectAttempts) return undefined;
  if (!f.beforeSend && !isReadOnlyOperation(operation)) return undefined;
  const delay = backoff(policy.connectBaseDelayMs, policy.maxDelayMs, attempt, random);
  return sinceFirstMs + delay < policy.connectBudgetMs ? delay : undefined;
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so it never collapses to 0. */
export function backoff(baseMs: number, maxMs: number, attempt: number, random: () => number = Math.random): number {
  const step = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Waits before a retry; an abort while waiting is E_INTERRUPTED. */
export async function retryPause(ms: number, signal: AbortSignal | undefined, info: TargetInfo): Promise<void> {
  try {
    await sleep(ms, undefined, signal === undefined ? {} : { signal });
  } catch {
    throw new HarnessError('E_INTERRUPTED', `waiting to retry ${info.name} at ${info.endpoint} was aborted`);
  }
}
