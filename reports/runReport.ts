import type { TransportName } from '../targets/transports.js';
import type { RuleResult, RuleStatus } from './ruleResult.js';

export interface RunReport {
  tool: { name: 'cognito-conformance'; version: string };
  contract: { operation: 'CreateUserPoolClient'; modelDate: string; rules: number };
  /** `sdkVersion`: the @aws-sdk/client-cognito-identity-provider version, for `--transport sdk` runs. */
  target: { name: string; endpoint: string; region: string; transport: TransportName; sdkVersion?: string };
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
  /**
   * What the run could not do but did not need to, e.g. a resource server the target cannot delete
   * whose pool's deletion removed it anyway (targets/poolTeardown.ts). Never changes the exit code.
   */
  notes?: string[];
}

export function totalsOf(rules: readonly RuleResult[]): Record<RuleStatus, number> {
  const t: Record<RuleStatus, number> = { passed: 0, failed: 0, skipped: 0, error: 0 };
  for (const r of rules) t[r.status]++;
  return t;
}

export interface ExitOptions {
  /** `--strict`: unconfirmed failures count as failures too. */
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
 * 0: every rule passed or was skipped, or failed unconfirmed without `--strict`; 1: conformance
 * failures; 2: a harness error. Without `rules` (a bare totals object) every failure counts.
 */
export function exitCodeOf(report: Pick<RunReport, 'totals' | 'harnessErrors'> & { rules?: readonly RuleResult[] }, options: ExitOptions = {}): 0 | 1 | 2 {
  if (report.totals.error > 0 || report.harnessErrors.length > 0) return 2;
  const failed = report.rules ? report.rules.some((r) => countsAsFailure(r, options)) : report.totals.failed > 0;
  return failed ? 1 : 0;
}
