import { countsAsFailure, type RunReport } from './runReport.js';
import { basisOf, type RuleResult } from './ruleResult.js';
import { reportTotals } from './reportTotals.js';
import { areaOf } from './ruleArea.js';
import { planHeaderLines } from './planHeader.js';
import { VERDICTS, VERDICT_HEADING, shownVerdicts, verdictOf, type Verdict, type VerdictCounts } from './verdict.js';
import type { Evidence } from '../contract/rule.js';
import { exitCodeOfReport, knownFailuresOf, outcomeLine } from './settleRun.js';
import { sdkLabel } from './sdkLabel.js';

const COLORS: Record<Verdict, string> = { passed: '#2e7d32', failed: '#c62828', unconfirmed: '#f9a825', skipped: '#9e9e9e', incomplete: '#5c6bc0', interrupted: '#8d6e63', error: '#ef6c00' };

function esc(s: unknown): string {
  const text = typeof s === 'string' ? s : JSON.stringify(s, null, 2) ?? '';
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A horizontal stacked bar per group, as inline SVG (the page loads nothing from anywhere). */
function chart(title: string, groups: [string, VerdictCounts][]): string {
  const rowH = 26;
  const labelW = 210;
  const barW = 420;
  const h = groups.length * rowH + 10;
  const rows = groups.map(([name, c], i) => {
    const total = VERDICTS.reduce((n, s) => n + c[s], 0) || 1;
    let x = labelW;
    const y = i * rowH + 4;
    const parts = VERDICTS.filter((s) => c[s] > 0).map((s) => {
      const w = (c[s] / total) * barW;
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${COLORS[s]}"><title>${s}: ${c[s]}</title></rect>`;
      x += w;
      return rect;
    });
    // One <g> per group, so readers and tests can find a group by name.
    return `<g class="bar-group" data-group="${esc(name)}"><text x="0" y="${y + rowH / 2}" font-size="13">${esc(name)}</text>${parts.join('')}<text x="${labelW + barW + 8}" y="${y + rowH / 2}" font-size="12">${c.passed}/${total}</text></g>`;
  });
  return `<figure><figcaption>${esc(title)}</figcaption><svg role="img" aria-label="${esc(title)}" width="${labelW + barW + 60}" height="${h}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg></figure>`;
}

function ruleRow(r: RuleResult, known: ReadonlySet<string>): string {
  const isKnown = r.status === 'failed' && known.has(r.id);
  // A known gap is told apart from a new failure by class, badge and summary; data-verdict stays the failure's.
  const verdict = verdictOf(r);
  const prefix = isKnown ? 'known gap (accepted by the baseline): ' : verdict === 'unconfirmed' ? 'unconfirmed (fails the run only with --strict): ' : '';
  const details = r.status === 'failed'
    ? `<details><summary>${prefix}${esc(r.reason ?? '')}</summary><dl><dt>request</dt><dd><pre>${esc(r.counterexample)}</pre></dd><dt>expected</dt><dd><pre>${esc(r.expected)}</pre></dd><dt>observed</dt><dd><pre>${esc(r.observed)}</pre></dd><dt>replay</dt><dd><code>${esc(r.replay ?? '')}</code></dd></dl></details>`
    : r.status === 'incomplete' ? esc(`${r.cases} cases; ${r.reason ?? ''}`) : esc(r.reason ?? `${r.cases} cases`);
  const status = isKnown
    ? `<span class="known-badge" title="failing, and listed in the baseline: does not fail the run">known gap</span>`
    : verdict === 'unconfirmed' ? `<span class="badge" title="the rule is inferred or its sources disagree: fails the run only with --strict">unconfirmed</span>` : verdict;
  return `<tr class="${isKnown ? 'known' : verdict}" data-rule="${esc(r.id)}" data-status="${r.status}" data-verdict="${verdict}"${isKnown ? ' data-known="true"' : ''}><td><code>${esc(r.id)}</code><div class="stmt">${esc(r.statement)}</div></td><td>${esc(areaOf(r.kind))}</td><td title="${esc(r.basis)}">${esc(r.evidence)}</td><td class="st">${status}</td><td>${details}</td></tr>`;
}

/**
 * The outcome at the head of the page: the exit code the run had and the failures split into new
 * and known (with the baseline used), from the report's own `exitCode` and `baseline`
 * (reports/settleRun.ts), so the page says what the run said.
 */
function outcomeBlock(report: RunReport, strict: boolean): string {
  const code = exitCodeOfReport(report, { strict });
  const b = report.baseline;
  // Unconfirmed failures are not new failures unless --strict: the same count as outcomeLine's.
  const fresh = b ? b.newFailures.length + b.expired.length : report.rules.filter((r) => countsAsFailure(r, { strict })).length;
  const known = b && !b.written ? `<span data-outcome="known-gaps">${b.knownFailures.length} known gap${b.knownFailures.length === 1 ? '' : 's'}</span>` : '';
  const cls = code === 0 ? 'green' : code === 130 || code === 143 ? 'stopped' : 'red';
  return `<p id="outcome" class="${cls}" data-exit-code="${code}"><span data-outcome="exit-code">exit ${code}</span><span data-outcome="new-failures">${fresh} new failure${fresh === 1 ? '' : 's'}</span>${known}<span data-outcome="baseline">${b ? `baseline <code>${esc(b.file)}</code>${b.written ? ' (written by this run)' : ''}` : 'no baseline: every failure is new'}</span></p><p class="outcome-line">${esc(outcomeLine(report, { strict }))}</p>`;
}

/** A self-contained HTML scorecard: the outcome, totals by area and evidence with charts, then every rule. */
export function htmlScorecard(report: RunReport, options: { strict?: boolean } = {}): string {
  const { all: x, byArea, byEvidence } = reportTotals(report);
  const t = report.target;
  const known = knownFailuresOf(report);
  // A failure total says how many of them the baseline knows: "89 failed" alone read as 89 new ones.
  const knownNote = (v: string) => (v === 'failed' && known.size ? ` (${[...known].filter((id) => report.rules.some((r) => r.id === id && verdictOf(r) === 'failed')).length} known)` : '');
  const totals = shownVerdicts(x).map((v) => `<span data-total="${v}">${x[v]} ${VERDICT_HEADING[v]}${knownNote(v)}</span>`).join('');
  const legend = byEvidence.map(([level]) => `<b>${esc(level)}</b> ${esc(basisOf(level as Evidence))}`).join('; ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CreateUserPoolClient conformance: ${esc(t.name)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;width:100%;margin-top:1rem}td{overflow-wrap:anywhere}td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;vertical-align:top;text-align:left}
tr.failed .st{color:${COLORS.failed};font-weight:bold}tr.unconfirmed .badge{white-space:nowrap;overflow-wrap:normal;border:2px dashed ${COLORS.unconfirmed};border-radius:4px;padding:0 .3rem;font-weight:bold;color:#795500}tr.passed .st{color:${COLORS.passed}}tr.skipped .st{color:#666}tr.incomplete .st{color:${COLORS.incomplete};font-weight:bold}tr.error .st{color:${COLORS.error};font-weight:bold}
tr.known .known-badge{white-space:nowrap;border:2px solid #9e9e9e;border-radius:4px;padding:0 .3rem;color:#555}
#outcome span{display:inline-block;margin-right:1.2rem;font-size:1.3rem;font-weight:bold}#outcome.green [data-outcome=exit-code],#outcome.green [data-outcome=new-failures]{color:${COLORS.passed}}#outcome.red [data-outcome=exit-code],#outcome.red [data-outcome=new-failures]{color:${COLORS.failed}}#outcome.stopped [data-outcome=exit-code]{color:${COLORS.interrupted}}#outcome [data-outcome=known-gaps],#outcome [data-outcome=baseline]{color:#555;font-weight:normal;font-size:1rem}
.stmt{color:#555;font-size:.85rem}pre{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.4rem;margin:0;max-height:16rem;overflow:auto}
.totals span{display:inline-block;margin-right:1rem;font-size:1.2rem}figure{margin:1rem 0}figcaption{font-weight:bold;margin-bottom:.3rem}
</style></head><body>
<h1>CreateUserPoolClient conformance</h1>
${outcomeBlock(report, options.strict === true)}
${report.interrupted ? `<p id="interrupted">Interrupted by ${esc(report.signal ?? 'a signal')}: ${x.interrupted} rules were cut short or not started; nothing after the signal is blamed on the target.</p>` : ''}
<p>Target <strong>${esc(t.name)}</strong> at <code>${esc(t.endpoint)}</code> (${esc(t.region)}, ${esc(t.transport)}${esc(sdkLabel(t))}${t.server ? `, answered by ${esc(t.server)}` : ''})${report.runs > 0 ? `; seed ${report.seed}; up to ${report.runs} cases per rule` : '; judged from recorded exchanges'}; ${esc(report.startedAt)} to ${esc(report.finishedAt)}; contract of the ${esc(report.contract.modelDate)} model.</p>
${report.plan ? `<section id="plan"><h2>Plan</h2><p>Made before the first request.</p><ul>${planHeaderLines(report.plan).map((l) => `<li>${esc(l)}</li>`).join('')}</ul></section>` : ''}
<p class="totals" id="totals">${totals}</p>
${chart('By area', byArea)}
${chart('By evidence level', byEvidence)}
<p>Evidence: ${legend}.${x.unconfirmed ? ' An <b>unconfirmed</b> failure breaks a rule whose evidence is inferred or disputed: it fails the run only with --strict.' : ''}</p>
<table id="rules"><thead><tr><th>rule</th><th>area</th><th>evidence</th><th>status</th><th>details</th></tr></thead><tbody>
${report.rules.map((r) => ruleRow(r, known)).join('\n')}
</tbody></table>
${report.harnessErrors.length ? `<h2>Harness errors</h2><ul>${report.harnessErrors.map((e) => `<li>${esc(e.code)}: ${esc(e.message)}</li>`).join('')}</ul>` : ''}
${report.harnessEvents?.length ? `<h2>Harness events</h2><p>Not verdicts.</p><ul id="harness-events">${report.harnessEvents.map((e) => `<li>${esc(e.code)}: ${esc(e.message)}</li>`).join('')}</ul>` : ''}
${report.notes?.length ? `<h2>Notes</h2><p>They do not change the exit code.</p><ul id="notes">${report.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
