import { setTimeout as sleep } from 'node:timers/promises';
import type { Target } from '../exchange.js';
import { isHarnessError } from '../harnessError.js';

/**
 * A Target for cleanup: a send that ends in E_THROTTLED (throttling outlasted the transport's whole
 * retry budget, targets/pacing/withRetry.ts) is sent again after a pause, through the same limiter and the
 * same retry budget, until `giveUpAfterMs` has passed. A run that hits a busy account then still
 * removes what it created: leaving a pool or a client behind costs more than waiting, and
 * throttling always ends (the account's other load is what it is; the limiter has slowed down
 * meanwhile). Anything else (an answer, another harness error) returns or throws as it is.
 */
export interface PersistentOptions {
  /** No new round starts later than this after the first; then the last E_THROTTLED is thrown. */
  giveUpAfterMs?: number;
  /** Pause before the second round; doubles each round up to maxPauseMs. */
  firstPauseMs?: number;
  maxPauseMs?: number;
  pause?: (ms: number) => Promise<void>;
  now?: () => number;
}

export const CLEANUP_PERSISTENCE: Readonly<Required<Pick<PersistentOptions, 'giveUpAfterMs' | 'firstPauseMs' | 'maxPauseMs'>>> = {
  giveUpAfterMs: 10 * 60_000,
  firstPauseMs: 1_000,
  maxPauseMs: 15_000,
};

export function persistentTarget(target: Target, options: PersistentOptions = {}): Target {
  const giveUpAfterMs = options.giveUpAfterMs ?? CLEANUP_PERSISTENCE.giveUpAfterMs;
  const maxPauseMs = options.maxPauseMs ?? CLEANUP_PERSISTENCE.maxPauseMs;
  const pause = options.pause ?? ((ms: number) => sleep(ms));
  const now = options.now ?? (() => performance.now());
  return {
    info: target.info,
    async send(operation, input, sendOptions) {
      const started = now();
      for (let wait = options.firstPauseMs ?? CLEANUP_PERSISTENCE.firstPauseMs; ; wait = Math.min(maxPauseMs, wait * 2)) {
        try {
          return await target.send(operation, input, sendOptions);
        } catch (err) {
          if (!isHarnessError(err) || err.code !== 'E_THROTTLED' || sendOptions?.signal?.aborted === true) throw err;
          if (now() - started + wait > giveUpAfterMs) throw err;
        }
        await pause(wait);
      }
    },
    close: () => target.close(),
  };
}
