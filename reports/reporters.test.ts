import { describe, expect, it } from 'vitest';
import { sampleReport } from '../testing/sampleReport.js';
import { junitReport } from './junitReport.js';
import { markdownReport } from './markdownReport.js';
import { summaryText } from './summaryText.js';
import { exitCodeOf } from './runReport.js';

describe('reporters read the result events', () => {
  const report = sampleReport();

  it('JUnit: conformance failures as <failure>, harness errors as <error>, skips with their reason', () => {
    const xml = junitReport(report);
    expect(xml).toMatch(/<testcase[^>]*name="client-name.max-length"[\s\S]*?<failure[^>]*message="invalid request accepted \(HTTP 200\) \[model\]"[^>]*type="ConformanceFailure"/);
    expect(xml).toMatch(/<testcase[^>]*name="protocol.request-id"[\s\S]*?<error[^>]*type="E_TARGET_UNREACHABLE"/);
    expect(xml).toMatch(/<testcase[^>]*name="oauth.client-credentials.no-openid"[\s\S]*?<skipped\/>/);
    expect(xml).toContain('name="skip-reason" value="target lacks CreateResourceServer"');
    expect(xml).not.toMatch(/<failure[^>]*name="default.auth-session-validity"/);
  });

  it('Markdown: totals by area and evidence, failures with replay, skips with reasons', () => {
    const md = markdownReport(report);
    expect(md).toContain('**1 passed, 1 failed, 1 skipped, 1 errors** of 4 rules');
    expect(md).toMatch(/\| model constraints \| 0 \| 1 \| 0 \| 0 \|/);
    expect(md).toMatch(/\| observed \| 1 \| 0 \| 1 \| 1 \|/);
    expect(md).toContain('| `client-name.max-length` | model | invalid request accepted (HTTP 200)');
    expect(md).toContain('--replay-path');
    expect(md).toContain('- `oauth.client-credentials.no-openid`: target lacks CreateResourceServer');
  });

  it('terminal summary: one line per rule, each failure in full with its replay command', () => {
    const text = summaryText(report, 'reports/latest/report.json');
    expect(text).toMatch(/^FAIL  client-name\.max-length +model/m);
    expect(text).toMatch(/^SKIP  oauth\.client-credentials\.no-openid +observed +target lacks CreateResourceServer/m);
    expect(text).toContain('✗ client-name.max-length [model: the AWS service model says so]');
    expect(text).toContain('  replay:   npm run conformance -- run --rules client-name.max-length');
    expect(text).toContain('Totals: 1 passed, 1 failed, 1 skipped, 1 errors (4 rules) — report: reports/latest/report.json');
  });

  it('terminal summary: failures a baseline lists are marked KNOWN and not spelled out', () => {
    const text = summaryText(report, undefined, { knownGaps: new Set(['client-name.max-length']) });
    expect(text).toMatch(/^KNOWN client-name\.max-length/m);
    expect(text).not.toContain('✗ client-name.max-length');
  });

  it('exit codes: 0 clean, 1 conformance failures, 2 harness errors', () => {
    expect(exitCodeOf({ totals: { passed: 3, failed: 0, skipped: 1, error: 0 }, harnessErrors: [] })).toBe(0);
    expect(exitCodeOf({ totals: { passed: 3, failed: 1, skipped: 0, error: 0 }, harnessErrors: [] })).toBe(1);
    expect(exitCodeOf({ totals: { passed: 3, failed: 1, skipped: 0, error: 1 }, harnessErrors: [] })).toBe(2);
    expect(exitCodeOf({ totals: { passed: 3, failed: 0, skipped: 0, error: 0 }, harnessErrors: [{ code: 'E_FIXTURE', message: 'x' }] })).toBe(2);
  });
});
