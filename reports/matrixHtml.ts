import { cellText, type Cell, type Matrix } from './matrix.js';

const COLORS: Record<string, string> = { passed: '#e8f5e9', failed: '#ffebee', unconfirmed: '#fff8e1', skipped: '#f5f5f5', incomplete: '#e8eaf6', interrupted: '#efebe9', error: '#fff3e0' };

function esc(s: unknown): string {
  const text = typeof s === 'string' ? s : String(s ?? '');
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cell(c: Cell): string {
  if (!c) return '<td class="absent">—</td>';
  const title = c.reason ? ` title="${esc(c.reason)}"` : ` title="${c.cases} cases"`;
  return `<td class="${c.verdict}" data-verdict="${c.verdict}"${title}>${esc(cellText(c))}</td>`;
}

/** The matrix as one self-contained HTML page (nothing loaded from anywhere). */
export function matrixHtml(m: Matrix): string {
  const aws = m.columns.filter((c) => c.aws).map((c) => esc(c.label));
  const intro = aws.length
    ? `Reference: <b>${aws.join('</b>, <b>')}</b>. ${m.disagreements} rule${m.disagreements === 1 ? '' : 's'} where AWS and another column disagree come first, marked ⚑.`
    : 'No column speaks for AWS, so no row is marked as a disagreement.';
  const columns = m.columns.map((c) => `<tr><td>${esc(c.label)}</td><td><code>${esc(c.path)}</code></td><td>${esc(c.target)}${c.recording ? ' (judged recording)' : ''}</td><td>${esc(c.when)}</td></tr>`).join('');
  const rows = m.rows.map((r) =>
    `<tr class="${r.disagree ? 'disagree' : ''}" data-rule="${esc(r.id)}" data-disagree="${r.disagree}"><td>${r.disagree ? '⚑' : ''}</td><td><code>${esc(r.id)}</code><div class="stmt">${esc(r.statement ?? '')}</div></td><td>${esc(r.evidence ?? '')}</td>${r.cells.map(cell).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CreateUserPoolClient conformance matrix</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin-top:1rem}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
td.passed{background:${COLORS.passed}}td.failed{background:${COLORS.failed};font-weight:bold}td.unconfirmed{background:${COLORS.unconfirmed}}td.skipped{background:${COLORS.skipped};color:#666}td.incomplete{background:${COLORS.incomplete}}td.interrupted{background:${COLORS.interrupted}}td.error{background:${COLORS.error}}
tr.disagree td:first-child{color:#c62828;font-weight:bold}.stmt{color:#555;font-size:.8rem;max-width:36rem}
</style></head><body>
<h1>CreateUserPoolClient conformance matrix</h1>
<p>${intro}</p>
<table class="columns"><thead><tr><th>column</th><th>report</th><th>target</th><th>made</th></tr></thead><tbody>${columns}</tbody></table>
<table class="matrix"><thead><tr><th></th><th>rule</th><th>evidence</th>${m.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table>
<p>✅ passed · ❌ failed · ❔ unconfirmed (fails a run only with --strict) · ⏭ skipped · ⏸ incomplete (a budget ran out) · ⏹ interrupted (the run was stopped) · ⚠️ error · — not in that report</p>
</body></html>
`;
}
