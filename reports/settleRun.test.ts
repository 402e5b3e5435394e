import { describe, expect, it } from 'vitest';
import type { Baseline } from './baseline.js';
import { htmlScorecard } from './htmlScorecard.js';
import { junitReport } from './junitReport.js';
import { markdownReport } from './markdownReport.js';
import { totalsOf, type RunReport } from './runReport.js';
import { outcomeLine, settleRun } from './settleRun.js';
import { summaryText } from './summaryText.js';
import { sampleReport } from '../testing/sampleReport.js';

/** A report whose only trouble is one failure (the sample without its harness error). */
function oneFailure(): RunReport {
  const r = sampleReport();
  r.rules = r.rules.filter((x) => x.status !== 'error');
  r.totals = totalsOf(r.rules);
  return r;
}

const knowing = (ids: string[]): Baseline => ({ version: 1, target: 'cognito-local', entries: ids.map((ruleId) => ({ ruleId, reason: 'tracked' })) });
const today = new Date('2026-12-01T00:00:00Z');

/** Every report, as text, for one settled report. */
function allReports(r: RunReport): { terminal: string; markdown: string; html: string; junit: string } {
  return { terminal: summaryText(r), markdown: markdownReport(r), html: htmlScorecard(r), junit: junitReport(r) };
}

describe('settleRun: one decision, written into the report, that every reporter shows', () => {
  it('a failure the baseline knows: exit 0 everywhere, 0 new and 1 known, the baseline named, no red', () => {
    const r = oneFailure();
    settleRun(r, { baseline: { file: 'b.json', value: knowing(['client-name.max-length']) }, today });
    expect(r.exitCode).toBe(0);
    expect(r.baseline).toEqual({ file: 'b.json', target: 'cognito-local', newFailures: [], knownFailures: ['client-name.max-length'], expired: [], fixed: [], unconfirmed: [], unchecked: [] });
    const line = 'exit 0: 0 new failures, 1 known gap (baseline b.json)';
    expect(outcomeLine(r)).toBe(line);
    const { terminal, markdown, html, junit } = allReports(r);
    expect(terminal).toContain(`Result: ${line}`);
    expect(terminal).toMatch(/^KNOWN client-name\.max-length/m);
    expect(markdown).toMatch(new RegExp(`^✅ \\*\\*${line.replace(/[().]/g, '\\$&')}\\*\\*$`, 'm'));
    expect(markdown).not.toContain('❌');
    expect(markdown).toContain('Known gaps: failing, accepted by the baseline b.json (1)');
    expect(html).toContain('<span data-outcome="new-failures">0 new failures</span><span data-outcome="known-gaps">1 known gap</span>');
    expect(html).toContain('data-exit-code="0"');
    expect(html).toMatch(/<tr class="known" data-rule="client-name\.max-length"[^>]*data-known="true">/);
    expect(junit).not.toContain('<failure');
    expect(junit).toContain('<property name="verdict" value="known-gap"/>');
    expect(junit).toContain('<property name="exit-code" value="0"/>');
    expect(junit).toContain('<property name="baseline" value="b.json"/>');
  });

  it('a failure the baseline does not know: exit 1 everywhere, 1 new', () => {
    const r = oneFailure();
    settleRun(r, { baseline: { file: 'b.json', value: knowing([]) }, today });
    expect(r.exitCode).toBe(1);
    const { terminal, markdown, html, junit } = allReports(r);
    expect(terminal).toContain('Result: exit 1: 1 new failure, 0 known gaps (baseline b.json)');
    expect(markdown).toMatch(/^❌ \*\*exit 1: 1 new failure/m);
    expect(markdown).toContain('### New failures (1)');
    expect(html).toContain('<span data-outcome="new-failures">1 new failure</span>');
    expect(junit).toContain('<failure');
  });

  it('without a baseline every failure is new; a harness error is exit 2 and says so', () => {
    const r = sampleReport();
    settleRun(r);
    expect(r.exitCode).toBe(2);
    expect(r.baseline).toBeNull();
    expect(outcomeLine(r)).toBe('exit 2: 1 failure (no baseline: every failure is new), 1 harness error');
    expect(htmlScorecard(r)).toContain('no baseline: every failure is new');
  });

  it('--update-baseline: exit 0 once written, its failures known', () => {
    const r = oneFailure();
    settleRun(r, { baseline: { file: 'b.json', value: knowing(['client-name.max-length']) }, written: true });
    expect(r.exitCode).toBe(0);
    expect(r.baseline).toMatchObject({ written: true, knownFailures: ['client-name.max-length'], newFailures: [] });
    expect(outcomeLine(r)).toBe('exit 0: baseline b.json written with 1 failing rule');
  });

  it('an interrupted run exits 130 (143 for SIGTERM) and every report says it was interrupted', () => {
    const r = oneFailure();
    r.interrupted = true;
    r.signal = 'SIGTERM';
    settleRun(r);
    expect(r.exitCode).toBe(143);
    const { terminal, markdown, html } = allReports(r);
    expect(terminal).toContain('Result: exit 143: interrupted by SIGTERM');
    expect(markdown).toMatch(/^⏹️ \*\*exit 143: interrupted by SIGTERM/m);
    expect(html).toContain('id="interrupted"');
  });
});
