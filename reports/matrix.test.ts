import { describe, expect, it } from 'vitest';
import { sampleReport } from '../testing/sampleReport.js';
import { buildMatrix, cellText } from './matrix.js';
import { matrixHtml } from './matrixHtml.js';
import { matrixMarkdown } from './matrixMarkdown.js';
import type { RuleResult } from './ruleResult.js';
import { totalsOf, type RunReport } from './runReport.js';

/** The sample report as another target, with some rule statuses changed. */
function variant(name: string, statuses: Record<string, RuleResult['status']>, extra: Record<string, unknown> = {}): RunReport {
  const base = sampleReport();
  const rules = base.rules.map((r) => (statuses[r.id] ? { ...r, status: statuses[r.id], reason: `${statuses[r.id]} here` } : r));
  return { ...base, target: { ...base.target, name }, rules, totals: totalsOf(rules), ...extra };
}

describe('matrix', () => {
  const sample = sampleReport();
  const [a, b, c] = sample.rules.map((r) => r.id);
  const aws = variant('aws', { [a]: 'passed', [b]: 'passed', [c]: 'failed' }, { recording: { paths: ['contract/evidence/'], recordedFrom: '2019-01-28', recordedTo: '2026-04-02' } });
  const emulator = variant('cognito-local', { [a]: 'failed', [b]: 'passed', [c]: 'passed' });
  const other = variant('moto', { [a]: 'passed', [b]: 'skipped', [c]: 'failed' });

  it('puts rules where AWS and an emulator disagree first, in contract order, then the rest', () => {
    const m = buildMatrix([aws, emulator, other], ['reports/aws/report.json', 'reports/local/report.json', 'reports/moto/report.json']);
    expect(m.columns.map((x) => [x.label, x.aws, x.recording])).toEqual([['aws (recording)', true, true], ['cognito-local', false, false], ['moto', false, false]]);
    expect(m.rows.slice(0, 2).map((r) => [r.id, r.disagree])).toEqual([[a, true], [c, true]]);
    expect(m.rows.slice(2).every((r) => !r.disagree)).toBe(true);
    expect(m.disagreements).toBe(2);
    expect(m.rows.find((r) => r.id === b)?.cells.map(cellText)).toEqual(['✅ passed', '✅ passed', '⏭ skipped']);
    expect(m.columns[0].when).toBe('2019-01-28…2026-04-02');
  });

  it('marks nothing without an AWS column, tells equal labels apart, and shows rules missing from a report', () => {
    const partial = { ...emulator, rules: emulator.rules.slice(1) };
    const m = buildMatrix([emulator, partial], ['a/report.json', 'b/report.json']);
    expect(m.disagreements).toBe(0);
    expect(m.columns.map((x) => x.label)).toEqual(['cognito-local [a]', 'cognito-local [b]']);
    expect(m.rows.find((r) => r.id === a)?.cells[1]).toBeUndefined();
    expect(cellText(undefined)).toBe('—');
  });

  it('writes one Markdown page and one self-contained HTML page', () => {
    const m = buildMatrix([aws, emulator], ['reports/aws/report.json', 'reports/local/report.json']);
    const md = matrixMarkdown(m);
    expect(md).toContain('| | rule | evidence | aws (recording) | cognito-local |');
    expect(md).toContain(`| ⚑ | \`${a}\` |`);
    expect(md.indexOf(`\`${a}\``)).toBeLessThan(md.indexOf(`\`${b}\``));
    const html = matrixHtml(m);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`data-rule="${a}" data-disagree="true"`);
    expect(html).not.toMatch(/<script|<link|src=/);
  });
});
