import { describe, expect, it } from 'vitest';
import { buildRunReport, type RunInfo } from './buildRunReport.js';
import type { RuleResult } from './ruleResult.js';
import { summaryText } from './summaryText.js';
import { markdownReport } from './markdownReport.js';

const info: RunInfo = {
  target: { name: 'fake', endpoint: 'http://127.0.0.1:1/', region: 'us-east-1', transport: 'http' },
  seed: 42, runs: 2, startedAt: '2026-01-01T00:00:00.000Z', toolVersion: '0.0.0', modelDate: '2026-04-21', rulesInContract: 2,
};
const rule = (id: string, over: Partial<RuleResult> = {}): RuleResult => ({
  id, kind: 'protocol', members: [], evidence: 'observed', basis: '', statement: 's', status: 'passed', cases: 2, ...over,
});

describe('buildRunReport', () => {
  it('puts rules in contract order and carries every rule\'s notes into the report\'s notes, named by rule', () => {
    const note = 'Content-Type carries "charset=utf-8", which real AWS does not send; no SDK reads it (noted, not failed)';
    const report = buildRunReport(info, [rule('protocol.request-id'), rule('protocol.content-type', { notes: [note] })], []);
    expect(report.rules.map((r) => r.id)).toEqual(['protocol.content-type', 'protocol.request-id']);
    expect(report.notes).toEqual([`protocol.content-type: ${note}`]);
    expect(summaryText(report)).toContain(`  - protocol.content-type: ${note}`);
    expect(markdownReport(report)).toContain('protocol.content-type: Content-Type carries');
    expect(buildRunReport(info, [rule('protocol.request-id')], []).notes).toBeUndefined();
  });
});
