import type { RunReport } from './runReport.js';
import type { RuleResult } from './ruleResult.js';
import { planHeaderLines } from './planHeader.js';
import { budgetLine } from './summaryText.js';
import { oneLine } from './oneLine.js';
import { reportTotals } from './reportTotals.js';
import { VERDICT_HEADING, shownVerdicts, verdictOf, type VerdictCounts } from './verdict.js';
import { exitCodeOfReport, knownFailuresOf, outcomeLine } from './settleRun.js';
import { sdkLabel } from './sdkLabel.js';

/** The badge of a failure the evidence cannot confirm, wherever one is listed. */
export const UNCONFIRMED_BADGE = '⚠️ **unconfirmed**';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const cell = (v: unknown) => esc(oneLine(v, 160));

function failureTable(rules: readonly RuleResult[], badge: string): string[] {
  return [
    '| rule | evidence | what happened | expected | observed |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map((r) => `| \`${r.id}\`${badge} | ${r.evidence} | ${esc(r.reason ?? '')} | ${cell(r.expected)} | ${cell(r.observed)} |`),
  ];
}

/** The mark at the head of summary.md: the run's exit code, nothing else (a run a baseline makes green is green). */
function headMark(code: number): string {
  return code === 0 ? '✅' : code === 130 || code === 143 ? '⏹️' : '❌';
}

/**
 * Markdown for a CI job summary ($GITHUB_STEP_SUMMARY): the outcome (exit code, new versus known
 * failures, the baseline), totals, failures with every replay command, skips. The head mark follows
 * the exit code the run had (report.exitCode, reports/settleRun.ts), so it never says ❌ above a
 * green baseline.
 */
export function markdownReport(report: RunReport, options: { strict?: boolean } = {}): string {
  const t = report.target;
  const { all: x, byArea, byEvidence } = reportTotals(report);
  const columns = shownVerdicts(x);
  const table = (title: string, groups: [string, VerdictCounts][]) => [
    `| ${title} | ${columns.map((v) => VERDICT_HEADING[v]).join(' | ')} |`,
    `| --- |${columns.map(() => ' ---: |').join('')}`,
    ...groups.map(([name, c]) => `| ${name} | ${columns.map((v) => c[v]).join(' | ')} |`),
  ];
  const unconfirmedCount = x.unconfirmed ? `, ${x.unconfirmed} unconfirmed` : '';
  const incompleteCount = x.incomplete ? `, ${x.incomplete} incomplete` : '';
  const interruptedCount = x.interrupted ? `, ${x.interrupted} interrupted` : '';
  const code = exitCodeOfReport(report, options);
  const knownIds = knownFailuresOf(report);
  const knownOfFailed = report.rules.filter((r) => verdictOf(r) === 'failed' && knownIds.has(r.id)).length;
  const knownCount = knownOfFailed ? ` (${knownOfFailed} known)` : '';
  const out = [
    `## CreateUserPoolClient conformance: ${t.name}`,
    '',
    `${headMark(code)} **${esc(outcomeLine(report, options))}**`,
    '',
    `**${x.passed} passed, ${x.failed} failed${knownCount}${unconfirmedCount}, ${x.skipped} skipped${incompleteCount}${interruptedCount}, ${x.error} errors** of ${report.rules.length} rules — \`${t.endpoint}\` (${t.region}, ${t.transport}${esc(sdkLabel(t))}${t.account ? `, account ${t.account}` : ''}${t.server ? `, answered by ${esc(t.server)}` : ''})${report.runs > 0 ? `, seed ${report.seed}, up to ${report.runs} cases per rule` : ', judged from recorded exchanges'}.`,
    ...(report.plan ? ['', '**Plan** (made before the first request):', '', ...planHeaderLines(report.plan).map((l) => `- ${esc(l)}`)] : []),
    '',
    ...table('area', byArea),
    '',
    ...table('evidence', byEvidence),
  ];
  const known = knownFailuresOf(report);
  const failed = report.rules.filter((r) => verdictOf(r) === 'failed' && !known.has(r.id));
  const knownFailed = report.rules.filter((r) => r.status === 'failed' && known.has(r.id));
  if (failed.length) out.push('', `### ${report.baseline ? 'New failures' : 'Failed rules'} (${failed.length})`, '', ...failureTable(failed, ''));
  const unconfirmed = report.rules.filter((r) => verdictOf(r) === 'unconfirmed' && !known.has(r.id));
  if (unconfirmed.length) {
    out.push('', `### Unconfirmed failures (${unconfirmed.length})`, '', options.strict ? 'The rule is inferred or its sources disagree; with `--strict` these fail the run.' : 'The rule is inferred or its sources disagree: shown, but failing the run only with `--strict`.', '', ...failureTable(unconfirmed, ` ${UNCONFIRMED_BADGE}`));
  }
  if (knownFailed.length) {
    out.push('', `<details><summary>Known gaps: failing, accepted by the baseline ${esc(report.baseline?.file ?? '')} (${knownFailed.length})</summary>`, '', ...failureTable(knownFailed, ''), '', '</details>');
  }
  // Every failure's replay command, known gaps included: not only the first ten the terminal shows in full.
  const replayable = [...failed, ...unconfirmed, ...knownFailed];
  if (replayable.length) {
    out.push('', '<details><summary>Replay commands</summary>', '', '```sh', ...replayable.map((r) => r.replay ?? `# ${r.id}: no replay`), '```', '', '</details>');
  }
  const errors = report.rules.filter((r) => r.status === 'error');
  if (errors.length || report.harnessErrors.length) {
    out.push('', '### Harness errors', '');
    for (const r of errors) out.push(`- \`${r.id}\`: ${r.errorCode ?? ''} ${esc(r.reason ?? '')}`);
    for (const e of report.harnessErrors) out.push(`- ${e.code}: ${esc(e.message)}`);
  }
  const interrupted = report.rules.filter((r) => r.status === 'interrupted');
  if (report.interrupted || interrupted.length) {
    out.push('', `### Interrupted`, '', `The run was stopped by ${report.signal ?? 'a signal'}: ${interrupted.length} of ${report.rules.length} rules were cut short or not started. Nothing after the signal is blamed on the target.`);
  }
  const incomplete = report.rules.filter((r) => r.status === 'incomplete');
  if (incomplete.length) {
    out.push('', `### Incomplete rules (${incomplete.length})`, '', `They did not get all their cases; what they judged passed. ${options.strict ? 'With `--strict` they make the run exit 2.' : 'They do not change the exit code without `--strict`.'}`, '');
    for (const r of incomplete) out.push(`- \`${r.id}\`: ${r.cases} cases — ${esc(r.reason ?? '')}`);
  }
  if (report.budget) out.push('', `**Budget**: ${esc(budgetLine(report.budget))}`);
  for (const e of report.harnessEvents ?? []) out.push('', `**Harness event \`${e.code}\`** (not a verdict): ${esc(e.message)}`);
  if (report.notes?.length) {
    out.push('', '### Notes', '', 'They do not change the exit code.', '');
    for (const note of report.notes) out.push(`- ${esc(note)}`);
  }
  const skipped = report.rules.filter((r) => r.status === 'skipped');
  if (skipped.length) {
    out.push('', `<details><summary>Skipped rules (${skipped.length})</summary>`, '');
    for (const r of skipped) out.push(`- \`${r.id}\`: ${esc(r.reason ?? '')}`);
    out.push('', '</details>');
  }
  return out.join('\n') + '\n';
}
