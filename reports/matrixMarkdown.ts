import { cellText, type Matrix } from './matrix.js';

function esc(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The matrix as one Markdown page: the columns with their reports, then one row per rule, disagreements first. */
export function matrixMarkdown(m: Matrix): string {
  const out: string[] = ['# CreateUserPoolClient conformance matrix', ''];
  const aws = m.columns.filter((c) => c.aws).map((c) => c.label);
  out.push(aws.length
    ? `Reference: ${aws.map((l) => `**${esc(l)}**`).join(', ')}. ${m.disagreements} rule${m.disagreements === 1 ? '' : 's'} where AWS and another column disagree (one passed, the other failed) come first, marked ⚑.`
    : 'No column speaks for AWS (a run against AWS, or `judge` over AWS recordings), so no row is marked as a disagreement.');
  out.push('', '| column | report | target | made |', '| --- | --- | --- | --- |');
  for (const c of m.columns) out.push(`| ${esc(c.label)} | \`${esc(c.path)}\` | ${esc(c.target)}${c.recording ? ' (judged recording)' : ''} | ${c.when} |`);
  out.push('', `| | rule | evidence | ${m.columns.map((c) => esc(c.label)).join(' | ')} |`, `| --- | --- | --- | ${m.columns.map(() => '---').join(' | ')} |`);
  for (const r of m.rows) {
    out.push(`| ${r.disagree ? '⚑' : ''} | \`${r.id}\` | ${r.evidence ?? ''} | ${r.cells.map(cellText).join(' | ')} |`);
  }
  out.push('', '✅ passed · ❌ failed · ❔ unconfirmed (fails a run only with --strict) · ⏭ skipped · ⏸ incomplete (a budget ran out) · ⏹ interrupted (the run was stopped) · ⚠️ error · — not in that report', '');
  return out.join('\n');
}
