import type { BudgetReport, RunReport } from './runReport.js';
import type { RuleResult } from './ruleResult.js';
import { planHeaderLines } from './planHeader.js';
import { oneLine } from './oneLine.js';
import { reportTotals, type ReportTotals } from './reportTotals.js';
import { VERDICT_HEADING, shownVerdicts, verdictOf, type Verdict } from './verdict.js';
import { knownFailuresOf, outcomeLine } from './settleRun.js';
import { sdkLabel } from './sdkLabel.js';

/**
 * Failures printed in full (rule, request, expected, observed, replay: about six lines each);
 * the rest get one line each. Against an emulator that validates little, every failure in full
 * made the terminal output 800 lines; ten show the kinds of failure while the summary stays on a
 * screen or two. `verbose` prints all of them in full; the scorecard and report.json always do.
 */
export const FAILURES_IN_FULL = 10;

/** A rule naming more top-level members than this (output.echo names 14) is grouped as "several members". */
const MAX_GROUP_MEMBERS = 3;
const NO_MEMBER = '(the whole exchange)';
const SEVERAL_MEMBERS = '(several members)';

const LABEL: Record<Verdict, string> = { passed: 'PASS', failed: 'FAIL', unconfirmed: 'UNCONFIRMED', skipped: 'SKIP', incomplete: 'INCOMPLETE', interrupted: 'INTERRUPTED', error: 'ERROR' };
const MIN_LABEL = 5;
const MIN_ID = 10;

export interface SummaryOptions {
  /**
   * Rule ids a baseline accepts as failing: marked KNOWN on their line and not spelled out again.
   * Default: the report's own `baseline.knownFailures` (reports/settleRun.ts).
   */
  knownGaps?: ReadonlySet<string>;
  /** Every failure in full, not only the first FAILURES_IN_FULL. */
  verbose?: boolean;
  /** `--strict`: unconfirmed failures fail the run too. */
  strict?: boolean;
}

/** What the budget allowed and what the run used, in one line. */
export function budgetLine(b: BudgetReport): string {
  const limits = [
    ...(b.maxRequests === undefined ? [] : [`at most ${b.maxRequests} requests`]),
    ...(b.timeBudgetMs === undefined ? [] : [`at most ${Math.round(b.timeBudgetMs / 1000)} s`]),
  ].join(', ');
  const used = `${b.reservedRequests} requests reserved, ${b.casesStarted} cases started in ${Math.round(b.elapsedMs / 1000)} s`;
  return `${limits}; ${used}${b.reason ? `; spent: ${b.reason}, ${b.casesRefused} cases not started` : '; not spent'}`;
}

/** The request's top-level member the failure is about, for grouping failures. */
export function memberGroupOf(r: Pick<RuleResult, 'members'>): string {
  const tops = [...new Set(r.members.map((m) => m.split(/[.[]/)[0] ?? m))];
  if (tops.length === 0) return NO_MEMBER;
  return tops.length > MAX_GROUP_MEMBERS ? SEVERAL_MEMBERS : (tops[0] as string);
}

/** Verdict counts by area and by evidence level; the unconfirmed column only when there is one. */
function countsTable(totals: ReportTotals): string[] {
  const columns = shownVerdicts(totals.all);
  const names = [...totals.byArea, ...totals.byEvidence].map(([name]) => name.length);
  const width = Math.max('evidence'.length, ...names) + 2;
  const header = (title: string) => `${title.padEnd(width)}${columns.map((v) => `  ${VERDICT_HEADING[v]}`).join('')}`;
  const row = ([name, counts]: [string, Record<Verdict, number>]) =>
    `  ${name.padEnd(width - 2)}${columns.map((v) => `  ${String(counts[v]).padStart(VERDICT_HEADING[v].length)}`).join('')}`;
  return [header('area'), ...totals.byArea.map(row), header('evidence'), ...totals.byEvidence.map(row)];
}

function fullFailure(r: RuleResult, mark: string): string[] {
  return [
    `  ${mark} ${r.id} [${r.evidence}: ${r.basis}]`,
    `      rule:     ${r.statement}`,
    `      request:  ${oneLine(r.counterexample, 400)}`,
    `      expected: ${oneLine(r.expected, 400)}`,
    `      observed: ${oneLine(r.observed, 400)}`,
    ...(r.replay ? [`      replay:   ${r.replay}`] : []),
  ];
}

function shortFailure(r: RuleResult, mark: string): string {
  return `  ${mark} ${r.id} [${r.evidence}] ${oneLine(r.reason ?? r.statement, 120)}`;
}

/** Failures grouped by member in first-seen order; `budget.left` of them in full, the rest one line each. */
function failureList(failures: readonly RuleResult[], mark: string, budget: { left: number }): string[] {
  const groups = new Map<string, RuleResult[]>();
  for (const r of failures) {
    const key = memberGroupOf(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: string[] = [];
  for (const [member, list] of groups) {
    out.push('', `${member} (${list.length})`);
    for (const r of list) {
      if (budget.left > 0) {
        budget.left--;
        out.push(...fullFailure(r, mark));
      } else {
        out.push(shortFailure(r, mark));
      }
    }
  }
  return out;
}

/**
 * The terminal summary: verdict counts by area and evidence, one line per rule, then the
 * failures grouped by member (the first FAILURES_IN_FULL in full), harness errors, notes and
 * totals. Unconfirmed failures are listed apart: they fail the run only with --strict.
 */
export function summaryText(report: RunReport, reportPath?: string, options: SummaryOptions = {}): string {
  const known = options.knownGaps ?? knownFailuresOf(report);
  const t = report.target;
  const totals = reportTotals(report);
  const out: string[] = [];
  // With --transport sdk, which SDK and from where: what an SDK-upgrade check is about.
  const sdk = sdkLabel(t);
  out.push(`cognito-conformance: ${report.contract.operation} against ${t.name} (${t.endpoint}, ${t.region}, ${t.transport}${sdk}${t.account ? `, account ${t.account}` : ''}${t.server ? `, answered by ${t.server}` : ''})${report.runs > 0 ? `; seed ${report.seed}, up to ${report.runs} cases per rule` : '; judged from recorded exchanges'}`);
  if (report.plan) out.push('', 'Plan (made before the first request):', ...planHeaderLines(report.plan).map((l) => `  ${l}`));
  out.push('', ...countsTable(totals), '');

  const labelOf = (r: RuleResult) => (r.status === 'failed' && known.has(r.id) ? 'KNOWN' : LABEL[verdictOf(r)]);
  const labelWidth = Math.max(MIN_LABEL, ...report.rules.map((r) => labelOf(r).length));
  const idWidth = Math.max(MIN_ID, ...report.rules.map((r) => r.id.length));
  // An interrupted run lists the rules it finished; the others are one line further down.
  for (const r of report.rules) {
    if (r.status === 'interrupted') continue;
    const tail = r.status === 'skipped' || r.status === 'error'
      ? r.reason ?? ''
      : `${r.cases} cases${r.status === 'failed' || r.status === 'incomplete' ? ` — ${r.reason ?? ''}` : ''}`;
    out.push(`${labelOf(r).padEnd(labelWidth)} ${r.id.padEnd(idWidth)}  ${r.evidence.padEnd(10)}  ${oneLine(tail, 160)}`);
  }

  const shown = report.rules.filter((r) => r.status === 'failed' && !known.has(r.id));
  const confirmed = shown.filter((r) => verdictOf(r) === 'failed');
  const unconfirmed = shown.filter((r) => verdictOf(r) === 'unconfirmed');
  const budget = { left: options.verbose ? Infinity : FAILURES_IN_FULL };
  if (shown.length > FAILURES_IN_FULL && !options.verbose) {
    out.push('', `${shown.length} failures: the first ${FAILURES_IN_FULL} in full, the rest one line each (--verbose prints all in full; the scorecard and report.json have every detail).`);
  }
  if (confirmed.length) {
    out.push('', `Failures (${confirmed.length}${known.size ? ', not in the baseline' : ''}), by member:`);
    out.push(...failureList(confirmed, '✗', budget));
  }
  if (unconfirmed.length) {
    const effect = options.strict ? 'with --strict these fail the run' : 'so these fail the run only with --strict';
    out.push('', `Unconfirmed failures (${unconfirmed.length}${known.size ? ', not in the baseline' : ''}; the rule is inferred or its sources disagree, ${effect}), by member:`);
    out.push(...failureList(unconfirmed, '?', budget));
  }

  const errors = report.rules.filter((r) => r.status === 'error');
  if (errors.length || report.harnessErrors.length) {
    out.push('', 'Harness errors (not the target\'s fault):');
    for (const r of errors) out.push(`  ${r.id}: ${r.errorCode ?? ''} ${r.reason ?? ''}`);
    for (const e of report.harnessErrors) out.push(`  ${e.code}: ${e.message}`);
  }
  const incomplete = report.rules.filter((r) => r.status === 'incomplete');
  if (incomplete.length) {
    const effect = options.strict ? 'with --strict they make the run exit 2' : 'they do not change the exit code without --strict';
    out.push('', `Incomplete (${incomplete.length} rules did not get all their cases; what they judged passed; ${effect}): ${report.budget?.reason ?? incomplete[0]?.reason ?? ''}`);
  }
  const interrupted = report.rules.filter((r) => r.status === 'interrupted');
  if (report.interrupted || interrupted.length) {
    out.push('', `Interrupted by ${report.signal ?? 'a signal'}: ${interrupted.length} of ${report.rules.length} rules cut short or not started (status interrupted; nothing after the signal is blamed on the target).`);
  }
  if (report.budget) out.push('', `Budget: ${budgetLine(report.budget)}`);
  for (const e of report.harnessEvents ?? []) out.push('', `Harness event ${e.code} (not a verdict): ${e.message}`);
  if (report.notes?.length) {
    out.push('', 'Notes (they do not change the exit code):');
    for (const note of report.notes) out.push(`  - ${note}`);
  }
  const x = totals.all;
  const unconfirmedCount = x.unconfirmed ? `, ${x.unconfirmed} unconfirmed` : '';
  const incompleteCount = x.incomplete ? `, ${x.incomplete} incomplete` : '';
  const interruptedCount = x.interrupted ? `, ${x.interrupted} interrupted` : '';
  const knownCount = known.size ? ` (${report.rules.filter((r) => verdictOf(r) === 'failed' && known.has(r.id)).length} known)` : '';
  out.push('', `Totals: ${x.passed} passed, ${x.failed} failed${knownCount}${unconfirmedCount}, ${x.skipped} skipped${incompleteCount}${interruptedCount}, ${x.error} errors (${report.rules.length} rules)${reportPath ? ` — report: ${reportPath}` : ''}`);
  out.push(`Result: ${outcomeLine(report, options.strict ? { strict: true } : {})}`);
  return out.join('\n') + '\n';
}
