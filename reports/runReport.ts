import type { RuleResult, RuleStatus } from './ruleResult.js';

export interface RunReport {
  tool: { name: 'cognito-conformance'; version: string };
  contract: { operation: 'CreateUserPoolClient'; modelDate: string; rules: number };
  /** `sdkVersion`: the @aws-sdk/client-cognito-identity-provider version, for `--transport sdk` runs. */
  target: { name: string; endpoint: string; region: string; transport: 'http' | 'sdk'; sdkVersion?: string };
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

/** 0: every rule passed or was skipped; 1: conformance failures; 2: a harness error. */
export function exitCodeOf(report: Pick<RunReport, 'totals' | 'harnessErrors'>): 0 | 1 | 2 {
  if (report.totals.error > 0 || report.harnessErrors.length > 0) return 2;
  return report.totals.failed > 0 ? 1 : 0;
}
