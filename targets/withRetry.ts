import type { Exchange, TargetInfo } from './exchange.js';
import { HarnessError } from './harnessError.js';
import { networkFailureMessage, TransportFailure } from './networkFailure.js';
import { createRateLimiter } from './rateLimiter.js';
import { DEFAULT_RETRY_POLICY, nextRetryDelay, retryPause, type RetryPolicy } from './retryPolicy.js';

/**
 * One attempt of a transport: the target's answer as an Exchange, or a thrown TransportFailure
 * when the network failed (anything else thrown, e.g. E_CREDENTIALS, ends the send as it is).
 */
export type SendAttempt = (operation: string, input: Readonly<Record<string, unknown>>, signal: AbortSignal | undefined) => Promise<Exchange>;

export interface RetryOptions {
  /** Names the target in messages. */
  info: TargetInfo;
  retry?: Partial<RetryPolicy>;
  /** Spaces attempt starts (retries included); absent means no limit. */
  requestsPerSecond?: number;
  /** Added after the endpoint in failure messages (` through the AWS SDK`). */
  via?: string;
}

/**
 * Retry, written once for every transport (as undici composes its retry interceptor around any
 * dispatcher): wraps one attempt with the rate limit, the retry policy (retryPolicy.ts: throttling
 * answers with backoff; network failures only when nothing can have been created, so a create is
 * never sent twice) and the one-line harness error a final failure becomes. The Exchange returned
 * counts its attempts.
 */
export function withRetry(attemptOnce: SendAttempt, options: RetryOptions): SendAttempt {
  const { info } = options;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const limiter = options.requestsPerSecond === undefined ? undefined : createRateLimiter(options.requestsPerSecond);
  return async (operation, input, signal) => {
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      let failed: TransportFailure;
      try {
        if (limiter !== undefined) await limiter.acquire();
        const exchange = await attemptOnce(operation, input, signal);
        // Only a server can ask to slow down; a client library refusing to send is final.
        const delay = exchange.layer === 'sdk-client'
          ? undefined
          : nextRetryDelay(policy, operation, { kind: 'answer', exchange }, attempt, performance.now() - started);
        if (delay === undefined) return { ...exchange, attempts: attempt };
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
