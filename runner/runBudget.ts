import type { Rule } from '../contract/rule.js';
import { formatDuration } from './durationText.js';
import { requestsPerCase } from './runPlan.js';

/**
 * `--max-requests N` and `--time-budget DURATION`: what a run may spend. The runner asks before
 * each case (`beginCase`); once the budget is spent no new case starts, cases in flight finish,
 * cleanup runs, and the rules that did not get all their cases are reported `incomplete` with
 * `reason()`. The request budget reserves each case's worst case (runPlan.requestsPerCase: every
 * create accepted) when the case starts, and the fixture's and cleanup's requests up front, so
 * the run never sends more than N requests, retries of throttled requests aside (the quota
 * limiter counts those). The time budget is checked when a case would start and also aborts
 * `signal` at the deadline, for whatever waits on it.
 */
export interface BudgetLimits {
  maxRequests?: number;
  timeBudgetMs?: number;
}

export interface BudgetUse {
  /** Requests reserved: the fixture's, and each started case's worst case. */
  reservedRequests: number;
  elapsedMs: number;
  casesStarted: number;
  /** Cases refused because the budget was spent (fast-check asks for each remaining run). */
  casesRefused: number;
}

export interface RunBudget {
  readonly limits: Readonly<BudgetLimits>;
  /** Aborted when the budget is spent; `signal.reason` is the reason, as a string. */
  readonly signal: AbortSignal;
  /** Before a case of `rule` is sent: true and its requests reserved, or false (and `signal` aborted) once spent. */
  beginCase(rule: Rule): boolean;
  /** Why the budget stopped the run, once it has. */
  reason(): string | undefined;
  use(): BudgetUse;
  /** Stops the deadline timer; call when the run ends. */
  dispose(): void;
}

export interface RunBudgetOptions {
  /** Requests spent outside cases: the pool fixture and the cleanup at the end (RunPlan.fixture.atMost). */
  fixtureRequests?: number;
  now?: () => number;
  /** Arm a timer that aborts `signal` at the deadline (default true). */
  deadlineTimer?: boolean;
}

export function createRunBudget(limits: BudgetLimits, options: RunBudgetOptions = {}): RunBudget {
  for (const [name, value] of Object.entries(limits)) {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw new RangeError(`budget ${name} must be a positive number, got ${value}`);
  }
  const now = options.now ?? (() => performance.now());
  const started = now();
  const controller = new AbortController();
  const use: BudgetUse = { reservedRequests: options.fixtureRequests ?? 0, elapsedMs: 0, casesStarted: 0, casesRefused: 0 };
  let why: string | undefined;

  const spend = (reason: string): false => {
    use.casesRefused++;
    if (why === undefined) {
      why = reason;
      controller.abort(reason);
    }
    return false;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeReason = () => `time budget of ${formatDuration(limits.timeBudgetMs as number)} spent`;
  if (limits.timeBudgetMs !== undefined && options.deadlineTimer !== false) {
    timer = setTimeout(() => {
      if (why === undefined) {
        why = timeReason();
        controller.abort(why);
      }
    }, limits.timeBudgetMs);
    // The budget must never keep a finished run's process alive.
    timer.unref();
  }

  return {
    limits: { ...limits },
    signal: controller.signal,
    beginCase(rule) {
      if (why !== undefined) return spend(why);
      if (limits.timeBudgetMs !== undefined && now() - started >= limits.timeBudgetMs) return spend(timeReason());
      const cost = Object.values(requestsPerCase(rule)).reduce((n, r) => n + r.atMost, 0);
      if (limits.maxRequests !== undefined && use.reservedRequests + cost > limits.maxRequests) {
        return spend(`request budget of ${limits.maxRequests} spent (${use.reservedRequests} requests reserved by the fixture and ${use.casesStarted} cases)`);
      }
      use.reservedRequests += cost;
      use.casesStarted++;
      return true;
    },
    reason: () => why,
    use: () => ({ ...use, elapsedMs: now() - started }),
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

