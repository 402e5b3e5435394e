import type { TransportName } from '../targets/transports/transports.js';
import type { ReportPlan } from './planHeader.js';
import { RULE_STATUSES, type RuleResult, type RuleStatus } from './ruleResult.js';

/**
 * Something the harness met that is not a verdict, with its counts: today the run's traffic under
 * the quotas (`code: 'throttling'`: requests sent, throttled, retried, time waited for a slot, rate
 * decreases). Throttling is the environment's doing, never the target's conformance; it never
 * changes the exit code (a request still throttled after every retry is a harness error instead).
 */
export interface HarnessEvent {
  code: string;
  message: string;
  counts: Record<string, number>;
}

/** What `--max-requests` and `--time-budget` allowed and what the run used (runner/runBudget.ts). */
export interface BudgetReport {
  maxRequests?: number;
  timeBudgetMs?: number;
  reservedRequests: number;
  casesStarted: number;
  casesRefused: number;
  elapsedMs: number;
  /** Why the budget stopped the run, when it did: the reason of every `incomplete` rule. */
  reason?: string;
}

/**
 * The baseline a run was judged against (reports/settleRun.ts), so that every report shows the
 * same split of the failures: rule ids by where they fall.
 */
export interface ReportBaseline {
  /** The file, as given (or the shipped one's path). */
  file: string;
  /** The target the baseline names: the run's `target.name`. */
  target: string;
  /** Failures the baseline does not accept: they fail the run (exit 1). */
  newFailures: string[];
  /** Failures the baseline accepts (listed and not expired): known gaps, they do not fail the run. */
  knownFailures: string[];
  /** Entries past their expiry whose rule still fails: counted as new failures. */
  expired: string[];
  /** Entries whose rule now passes: to remove from the baseline. */
  fixed: string[];
  /** Unconfirmed failures the baseline does not accept: shown, failing the run only with --strict. */
  unconfirmed: string[];
  /** Entries whose rule this run did not judge (skipped, incomplete, interrupted, error, not selected). */
  unchecked: string[];
  /** `--update-baseline`: this run wrote the file; its failures are the baseline's entries now. */
  written?: boolean;
}

/** How a run ended, the process's exit code: 130 and 143 are SIGINT and SIGTERM (the shell's codes). */
export type RunExitCode = 0 | 1 | 2 | 130 | 143;

export interface RunReport {
  tool: { name: 'cognito-conformance'; version: string };
  contract: { operation: 'CreateUserPoolClient'; modelDate: string; rules: number };
  /**
   * `sdkVersion`: the @aws-sdk/client-cognito-identity-provider version, for `--transport sdk` runs;
   * `sdkOrigin`: where that copy was loaded from (targets/sdk/sdkSource.ts: `--sdk-from`'s folder, the
   * working directory's node_modules, or "the tool's own copy");
   * `account`: the AWS account the account guard resolved (STS GetCallerIdentity) for a guarded
   * target (targets/aws/accountGuard.ts); `server`: the `Server` header of the target's first answer,
   * information only. `name` is the preset's, `--name`, or an endpoint's host:port: what a
   * baseline names (reports/baseline.ts).
   */
  target: { name: string; endpoint: string; region: string; transport: TransportName; sdkVersion?: string; sdkOrigin?: string; account?: string; server?: string };
  seed: number;
  runs: number;
  startedAt: string;
  finishedAt: string;
  totals: Record<RuleStatus, number>;
  /** What the target could not provide for fixtures (resource servers, identity providers, …). */
  capabilities?: { resourceServer: boolean; identityProvider: boolean; analytics: boolean; reasons: Record<string, string | undefined> };
  rules: RuleResult[];
  /** Harness errors not tied to one rule (setup, teardown, unhandled). */
  harnessErrors: { code: string; message: string }[];
  /** What the run planned before sending anything (runner/runPlan.ts); present for AWS targets, shown at the head of every report. */
  plan?: ReportPlan;
  /** Harness events with counts (throttling); they never change the exit code. */
  harnessEvents?: HarnessEvent[];
  /** The run's budget and its use, when `--max-requests` or `--time-budget` was given. */
  budget?: BudgetReport;
  /**
   * What the run could not do but did not need to, e.g. a resource server the target cannot delete
   * whose pool's deletion removed it anyway (targets/pool/poolTeardown.ts). Never changes the exit code.
   */
  notes?: string[];
  /**
   * The baseline the run was judged against, or that it wrote (`--update-baseline`); `null`: judged
   * without one (every failure is new). Absent in reports written before the field existed.
   */
  baseline?: ReportBaseline | null;
  /** The exit code the run had; every report shows it (reports written before it existed lack it). */
  exitCode?: RunExitCode;
  /**
   * The run was stopped by a signal (Ctrl-C) before it finished: the rules it had not finished are
   * `interrupted`, and nothing after the signal is blamed on the target.
   */
  interrupted?: true;
  signal?: 'SIGINT' | 'SIGTERM';
}

export function totalsOf(rules: readonly RuleResult[]): Record<RuleStatus, number> {
  const t = Object.fromEntries(RULE_STATUSES.map((s) => [s, 0])) as Record<RuleStatus, number>;
  for (const r of rules) t[r.status]++;
  return t;
}

export interface ExitOptions {
  /** `--strict`: unconfirmed failures count as failures too, and rules left incomplete make the run exit 2. */
  strict?: boolean;
}

/**
 * Whether a result fails the run: a failure of a confirmed rule always; a failure of an unconfirmed
 * one (`confirmed: false`, see contract/verdictStrength.ts) only with `--strict`.
 */
export function countsAsFailure(result: Pick<RuleResult, 'status' | 'confirmed'>, options: ExitOptions = {}): boolean {
  return result.status === 'failed' && (options.strict === true || result.confirmed !== false);
}

/**
 * Whether rules left `incomplete` (a spent budget) end the run with 2: only with `--strict`, since
 * the run could not judge all it was asked to, which is neither a conformance failure nor the
 * target's fault. Without `--strict` an incomplete rule changes nothing: what it judged passed.
 */
export function incompleteFails(report: { totals: Partial<Record<RuleStatus, number>> }, options: ExitOptions = {}): boolean {
  return options.strict === true && (report.totals.incomplete ?? 0) > 0;
}

/**
 * 0: every rule passed or was skipped (or left incomplete), or failed unconfirmed without
 * `--strict`; 1: conformance failures; 2: a harness error, or with `--strict` an incomplete rule.
 * Without `rules` (a bare totals object) every failure counts. Reports written before `incomplete`
 * existed have no such total: read as 0.
 */
export function exitCodeOf(
  report: { totals: Pick<RunReport['totals'], 'failed' | 'error'> & Partial<RunReport['totals']>; harnessErrors: readonly unknown[]; rules?: readonly RuleResult[] },
  options: ExitOptions = {},
): 0 | 1 | 2 {
  if (report.totals.error > 0 || report.harnessErrors.length > 0 || incompleteFails(report, options)) return 2;
  const failed = report.rules ? report.rules.some((r) => countsAsFailure(r, options)) : report.totals.failed > 0;
  return failed ? 1 : 0;
}
