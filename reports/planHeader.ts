/**
 * The plan of a run as reports show it at their head (runner/runPlan.ts computes it before the run
 * sends anything; `run --plan` prints the same figures). Declared here, as the part of RunPlan
 * that reports read, so that reports depend on no runner code: a RunPlan is one of these.
 */
export interface PlanCount {
  expected: number;
  atMost: number;
}

export interface ReportPlan {
  account?: { account: string; arn: string };
  runIdPrefix: string;
  rules: { selected: number; toRun: number; skipped: readonly { id: string; reason: string }[] };
  cases: number;
  runs: number;
  /** By operation, in the order a run sends them. */
  requests: Readonly<Record<string, PlanCount>>;
  total: PlanCount;
  resources: readonly { type: string; name: string; count: PlanCount }[];
  quotas?: { poolWritesPerSecond: number; accountWritesPerSecond: number; poolReadsPerSecond: number; accountReadsPerSecond: number };
  expectedDurationMs?: number;
  budget?: { maxRequests?: number; timeBudgetMs?: number };
}

function count(n: PlanCount): string {
  return n.expected === n.atMost ? String(n.expected) : `${n.expected} (at most ${n.atMost})`;
}

const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;

/** Whole minutes and seconds: the plan's duration is an estimate, not a measurement. */
function minutes(ms: number): string {
  const m = Math.floor(ms / MINUTE_MS);
  const s = Math.round((ms % MINUTE_MS) / SECOND_MS);
  return m === 0 ? `${s}s` : s === 0 ? `${m}m` : `${m}m${s}s`;
}

/**
 * The plan in a few labelled lines, for the terminal summary and (as a list) the Markdown report:
 * run id and account, rules and cases, requests by operation, what it creates, the quotas and the
 * expected duration, the budget.
 */
export function planHeaderLines(plan: ReportPlan): string[] {
  const lines: string[] = [];
  lines.push(`run id ${plan.runIdPrefix}${plan.account ? `, account ${plan.account.account} (${plan.account.arn})` : ''}`);
  const skipped = plan.rules.skipped.length ? `, ${plan.rules.skipped.length} skipped for lack of a fixture` : '';
  lines.push(`${plan.rules.toRun} of ${plan.rules.selected} selected rules to run${skipped}; ${plan.cases} cases (${plan.runs} per rule)`);
  const ops = Object.entries(plan.requests).map(([op, n]) => `${op} ${count(n)}`).join(', ');
  lines.push(`requests ${count(plan.total)}: ${ops}`);
  lines.push(`creates ${plan.resources.map((r) => `${r.count.atMost === 1 ? '' : `${count(r.count)} × `}${r.type} ${r.name}`).join('; ')}`);
  if (plan.quotas) {
    const q = plan.quotas;
    const duration = plan.expectedDurationMs === undefined ? '' : `; about ${minutes(plan.expectedDurationMs)} at these rates`;
    lines.push(`quotas ${q.poolWritesPerSecond}/s per write and ${q.poolReadsPerSecond}/s per read operation in each pool, ${q.accountWritesPerSecond}/s per write and ${q.accountReadsPerSecond}/s per read category in the account${duration}`);
  }
  const b = plan.budget;
  if (b && (b.maxRequests !== undefined || b.timeBudgetMs !== undefined)) {
    const parts = [...(b.maxRequests === undefined ? [] : [`at most ${b.maxRequests} requests`]), ...(b.timeBudgetMs === undefined ? [] : [`at most ${minutes(b.timeBudgetMs)}`])];
    lines.push(`budget ${parts.join(', ')}`);
  }
  return lines;
}
