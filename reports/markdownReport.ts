import type { RunReport } from './runReport.js';
import { reportTotals, type StatusCounts } from './reportTotals.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const short = (v: unknown, max = 160) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? '';
  return s.length > max ? `${s.slice(0, max)}…` : s;
};
const row = (name: string, c: StatusCounts) => `| ${name} | ${c.passed} | ${c.failed} | ${c.skipped} | ${c.error} |`;

/** Markdown for a CI job summary ($GITHUB_STEP_SUMMARY): totals, failures with replay, skips. */
export function markdownReport(report: RunReport, options: { baselineNote?: string } = {}): string {
  const t = report.target;
  const x = report.totals;
  const { byArea, byEvidence } = reportTotals(report);
  const out = [
    `## CreateUserPoolClient conformance: ${t.name}`,
    '',
    `${x.failed ? '❌' : '✅'} **${x.passed} passed, ${x.failed} failed, ${x.skipped} skipped, ${x.error} errors** of ${report.rules.length} rules — \`${t.endpoint}\` (${t.region}, ${t.transport}), seed ${report.seed}, up to ${report.runs} cases per rule.`,
    ...(options.baselineNote ? ['', options.baselineNote] : []),
    '',
    '| area | passed | failed | skipped | errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...byArea.map(([a, c]) => row(a, c)),
    '',
    '| evidence | passed | failed | skipped | errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...byEvidence.map(([e, c]) => row(e, c)),
  ];
  const failed = report.rules.filter((r) => r.status === 'failed');
  if (failed.length) {
    out.push('', `### Failed rules (${failed.length})`, '', '| rule | evidence | what happened | expected | observed |', '| --- | --- | --- | --- | --- |');
    for (const r of failed) {
      out.push(`| \`${r.id}\` | ${r.evidence} | ${esc(r.reason ?? '')} | ${esc(short(r.expected))} | ${esc(short(r.observed))} |`);
    }
    out.push('', '<details><summary>Replay commands</summary>', '', '```sh', ...failed.map((r) => r.replay ?? `# ${r.id}: no replay`), '```', '', '</details>');
  }
  const errors = report.rules.filter((r) => r.status === 'error');
  if (errors.length || report.harnessErrors.length) {
    out.push('', '### Harness errors', '');
    for (const r of errors) out.push(`- \`${r.id}\`: ${r.errorCode ?? ''} ${esc(r.reason ?? '')}`);
    for (const e of report.harnessErrors) out.push(`- ${e.code}: ${esc(e.message)}`);
  }
  const skipped = report.rules.filter((r) => r.status === 'skipped');
  if (skipped.length) {
    out.push('', `<details><summary>Skipped rules (${skipped.length})</summary>`, '');
    for (const r of skipped) out.push(`- \`${r.id}\`: ${esc(r.reason ?? '')}`);
    out.push('', '</details>');
  }
  return out.join('\n') + '\n';
}
