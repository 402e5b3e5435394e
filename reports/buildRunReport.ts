import { contract } from '../contract/contract.js';
import type { ReportPlan } from './planHeader.js';
import type { RuleResult } from './ruleResult.js';
import { totalsOf, type RunReport } from './runReport.js';

/** What a run knows besides its rule results (from preparing the run). */
export interface RunInfo {
  target: RunReport['target'];
  seed: number;
  runs: number;
  startedAt: string;
  capabilities?: RunReport['capabilities'];
  toolVersion: string;
  modelDate: string;
  rulesInContract: number;
  /** The run's plan, made before it sent anything: at the head of the reports of an AWS run. */
  plan?: ReportPlan;
}

/**
 * The RunReport from result events, however they were gathered (the in-process runner, or the
 * vitest reporter of a plain `vitest run`): rules in contract order, whatever order concurrent
 * rules finished in.
 */
export function buildRunReport(
  info: RunInfo,
  results: readonly RuleResult[],
  harnessErrors: readonly { code: string; message: string }[],
  finishedAt: Date = new Date(),
): RunReport {
  const order = new Map(contract.rules.map((r, i) => [r.id, i]));
  const rules = [...results].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  // A rule's notes (RuleResult.notes: what conforms but a reader should know) are the report's too,
  // so every reporter that shows notes shows them, named by rule.
  const notes = rules.flatMap((r) => (r.notes ?? []).map((n) => `${r.id}: ${n}`));
  return {
    tool: { name: 'cognito-conformance', version: info.toolVersion },
    contract: { operation: 'CreateUserPoolClient', modelDate: info.modelDate, rules: info.rulesInContract },
    target: info.target,
    seed: info.seed,
    runs: info.runs,
    startedAt: info.startedAt,
    finishedAt: finishedAt.toISOString(),
    totals: totalsOf(rules),
    ...(info.capabilities ? { capabilities: info.capabilities } : {}),
    rules,
    harnessErrors: [...harnessErrors],
    ...(info.plan ? { plan: info.plan } : {}),
    ...(notes.length ? { notes } : {}),
  };
}
