import { describe, expect, it } from 'vitest';
import { failingReport, sampleReport, sampleReportWithUnconfirmed } from '../testing/sampleReport.js';
import { htmlScorecard } from './htmlScorecard.js';
import { junitReport } from './junitReport.js';
import { markdownReport } from './markdownReport.js';
import { FAILURES_IN_FULL, memberGroupOf, summaryText } from './summaryText.js';
import { exitCodeOf, totalsOf } from './runReport.js';

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

  it('terminal summary: counts by area and by evidence before the rule lines', () => {
    const text = summaryText(report);
    expect(text).toMatch(/^area +passed  failed  skipped  errors$/m);
    expect(text).toMatch(/^ {2}model constraints +0 +1 +0 +0$/m);
    expect(text).toMatch(/^evidence +passed  failed  skipped  errors$/m);
    expect(text).toMatch(/^ {2}observed +1 +0 +1 +1$/m);
    expect(text.indexOf('model constraints')).toBeLessThan(text.indexOf('FAIL  client-name.max-length'));
  });

  it('terminal summary: failures a baseline lists are marked KNOWN and not spelled out', () => {
    const text = summaryText(report, undefined, { knownGaps: new Set(['client-name.max-length']) });
    expect(text).toMatch(/^KNOWN client-name\.max-length/m);
    expect(text).not.toContain('✗ client-name.max-length');
  });

  it('terminal summary of many failures: grouped by member, the first N in full, the rest one line each', () => {
    const many = failingReport();
    const text = summaryText(many, 'out/report.json');
    const lines = text.split('\n');
    const failures = many.rules.length;
    expect(failures).toBeGreaterThan(FAILURES_IN_FULL * 5);
    // Every failure is listed once, by its id after ✗ (or ? when unconfirmed); only FAILURES_IN_FULL have a replay line.
    const unconfirmed = many.rules.filter((r) => r.confirmed === false).length;
    expect(unconfirmed).toBeGreaterThan(0);
    expect(lines.filter((l) => /^ {2}✗ /.test(l))).toHaveLength(failures - unconfirmed);
    expect(lines.filter((l) => /^ {2}\? /.test(l))).toHaveLength(unconfirmed);
    expect(lines.filter((l) => l.startsWith('      replay:'))).toHaveLength(FAILURES_IN_FULL);
    expect(lines.filter((l) => l.startsWith('      rule:'))).toHaveLength(FAILURES_IN_FULL);
    expect(text).toContain(`${failures} failures: the first ${FAILURES_IN_FULL} in full, the rest one line each (--verbose prints all in full`);
    // A line per rule, a line per failure, two per member group, six per failure in full, a few more.
    const groupsOf = (confirmed: boolean) => new Set(many.rules.filter((r) => (r.confirmed !== false) === confirmed).map(memberGroupOf)).size;
    const groups = groupsOf(true) + groupsOf(false);
    expect(lines.length).toBeLessThan(2 * failures + 2 * groups + 6 * FAILURES_IN_FULL + 30);
    expect(summaryText(many, undefined, { verbose: true }).split('\n').length).toBeGreaterThan(7 * failures);
    // Groups by top-level member, each headed once with its count, in contract order.
    const clientName = many.rules.filter((r) => memberGroupOf(r) === 'ClientName').length;
    expect(lines.filter((l) => l === `ClientName (${clientName})`)).toHaveLength(1);
    expect(text.indexOf('\nUserPoolId (')).toBeLessThan(text.indexOf('\nClientName ('));
    const cut = lines.find((l) => l.startsWith('  ✗ client-secret.max-length '));
    expect(cut).toBe('  ✗ client-secret.max-length [model] invalid request accepted (HTTP 200)');
  });

  it('terminal summary of many failures with verbose: every failure in full', () => {
    const many = failingReport();
    const lines = summaryText(many, undefined, { verbose: true }).split('\n');
    expect(lines.filter((l) => l.startsWith('      replay:'))).toHaveLength(many.rules.length);
    expect(lines.some((l) => l.includes('--verbose prints all'))).toBe(false);
  });

  it('groups a failure by its first top-level member; none or many members get a group of their own', () => {
    expect(memberGroupOf({ members: ['TokenValidityUnits.AccessToken'] })).toBe('TokenValidityUnits');
    expect(memberGroupOf({ members: ['CallbackURLs[]', 'DefaultRedirectURI'] })).toBe('CallbackURLs');
    expect(memberGroupOf({ members: [] })).toBe('(the whole exchange)');
    expect(memberGroupOf({ members: ['A', 'B', 'C', 'D'] })).toBe('(several members)');
  });

  describe('an unconfirmed failure is shown as such in every report', () => {
    const withUnconfirmed = sampleReportWithUnconfirmed();
    const id = 'logout-urls.same-rules-as-callback';

    it('terminal: status UNCONFIRMED, listed apart from failures, counted apart', () => {
      const text = summaryText(withUnconfirmed);
      expect(text).toMatch(new RegExp(`^UNCONFIRMED ${id.replace(/\./g, '\\.')} +inferred`, 'm'));
      expect(text).toMatch(/^FAIL {8}client-name\.max-length/m);
      expect(text).toMatch(/^Failures \(1\), by member:$/m);
      expect(text).toMatch(/^Unconfirmed failures \(1; the rule is inferred or its sources disagree, so these fail the run only with --strict\), by member:$/m);
      expect(text).toContain(`  ? ${id} [inferred:`);
      expect(text).toMatch(/^area +passed  failed  unconfirmed  skipped  errors$/m);
      expect(text).toContain('Totals: 1 passed, 1 failed, 1 unconfirmed, 1 skipped, 1 errors (5 rules)');
    });

    it('Markdown: a section of its own with a badge, and an unconfirmed column', () => {
      const md = markdownReport(withUnconfirmed);
      expect(md).toContain('**1 passed, 1 failed, 1 unconfirmed, 1 skipped, 1 errors** of 5 rules');
      expect(md).toContain('| area | passed | failed | unconfirmed | skipped | errors |');
      expect(md).toMatch(/### Failed rules \(1\)\n\n[^#]*client-name\.max-length/);
      expect(md).toContain(`### Unconfirmed failures (1)`);
      expect(md).toContain(`| \`${id}\` ⚠️ **unconfirmed** | inferred | invalid request accepted (HTTP 200)`);
      expect(md).toContain(`--rules ${id}`);
    });

    it('HTML: a row with verdict unconfirmed and a badge, and its own total', () => {
      const html = htmlScorecard(withUnconfirmed);
      expect(html).toMatch(new RegExp(`<tr class="unconfirmed" data-rule="${id}" data-status="failed" data-verdict="unconfirmed">.*<span class="badge"[^>]*>unconfirmed</span>`));
      expect(html).toContain('<span data-total="unconfirmed">1 unconfirmed</span>');
      expect(html).toContain('<span data-total="failed">1 failed</span>');
    });

    it('JUnit: not a <failure>, but a property verdict=unconfirmed and system-out starting "unconfirmed:"', () => {
      const xml = junitReport(withUnconfirmed);
      const testcase = new RegExp(`<testcase[^>]*name="${id}"[^>]*>([\\s\\S]*?)</testcase>`).exec(xml)?.[1] ?? '';
      expect(testcase).toContain('<property name="verdict" value="unconfirmed"/>');
      expect(testcase).not.toContain('<failure');
      expect(testcase).toMatch(/<system-out>(<!\[CDATA\[)?unconfirmed: invalid request accepted \(HTTP 200\) \[inferred\]; fails the run only with --strict/);
      expect(xml).toMatch(/<testcase[^>]*name="client-name.max-length"[\s\S]*?<property name="verdict" value="failed"\/>[\s\S]*?<failure/);
    });
  });

  describe('notes (what the run could not do but did not need to) are in every report and change no exit code', () => {
    const note = 'DeleteResourceServer failed on moto at http://127.0.0.1:5000/: HTTP 500; DeleteUserPool then removed cc-1 (DescribeUserPool: ResourceNotFoundException), and what it held with it';
    const withNote = { ...sampleReport(), notes: [note] };

    it('terminal, Markdown, HTML and JUnit', () => {
      expect(summaryText(withNote)).toContain(`Notes (they do not change the exit code):\n  - ${note}`);
      expect(markdownReport(withNote)).toContain(`### Notes\n\nThey do not change the exit code.\n\n- ${note}`);
      expect(htmlScorecard(withNote)).toContain(`<ul id="notes"><li>${note}</li></ul>`);
      const xml = junitReport(withNote);
      expect(xml).toMatch(/<testsuite name="CreateUserPoolClient: notes" tests="0"[^>]*>\s*<properties>\s*<property name="note" value="DeleteResourceServer failed on moto/);
      expect(summaryText(sampleReport())).not.toContain('Notes');
    });

    it('do not change the exit code', () => {
      const passed = withNote.rules.filter((r) => r.status === 'passed');
      const clean = { ...withNote, rules: passed, totals: { passed: passed.length, failed: 0, skipped: 0, error: 0 } };
      expect(exitCodeOf(clean)).toBe(0);
    });
  });

  it('with --strict, an unconfirmed failure is a JUnit <failure> starting "unconfirmed:" and turns the Markdown headline red', () => {
    const withUnconfirmed = sampleReportWithUnconfirmed();
    // The head mark is the exit code: no confirmed failure and no harness error leaves only the unconfirmed one.
    const kept = withUnconfirmed.rules.filter((r) => r.id !== 'client-name.max-length' && r.status !== 'error');
    const passing = { ...withUnconfirmed, rules: kept, totals: totalsOf(kept), harnessErrors: [] };
    const xml = junitReport(withUnconfirmed, { strict: true });
    expect(xml).toMatch(/<testcase[^>]*name="logout-urls.same-rules-as-callback"[^>]*>\s*<properties>[\s\S]*?<\/properties>\s*<failure message="unconfirmed: invalid request accepted \(HTTP 200\) \[inferred\]" type="ConformanceFailure"/);
    expect(markdownReport(passing)).toMatch(/^✅ /m);
    expect(markdownReport(passing, { strict: true })).toMatch(/^❌ /m);
    expect(summaryText(passing, undefined, { strict: true })).toContain('with --strict these fail the run), by member:');
  });

  it('exit codes: 0 clean, 1 conformance failures, 2 harness errors', () => {
    expect(exitCodeOf({ totals: { passed: 3, failed: 0, skipped: 1, error: 0 }, harnessErrors: [] })).toBe(0);
    expect(exitCodeOf({ totals: { passed: 3, failed: 1, skipped: 0, error: 0 }, harnessErrors: [] })).toBe(1);
    expect(exitCodeOf({ totals: { passed: 3, failed: 1, skipped: 0, error: 1 }, harnessErrors: [] })).toBe(2);
    expect(exitCodeOf({ totals: { passed: 3, failed: 0, skipped: 0, error: 0 }, harnessErrors: [{ code: 'E_FIXTURE', message: 'x' }] })).toBe(2);
  });
});

describe('every failure\'s replay command, not only the first ones the terminal shows in full', () => {
  it('summary.md and the scorecard carry all of them, known gaps included', () => {
    const r = sampleReport();
    const template = r.rules[0] as (typeof r.rules)[number];
    const many = Array.from({ length: FAILURES_IN_FULL + 5 }, (_, i) => ({ ...template, id: `${template.id}-${i}`, replay: `npm run conformance -- run --rules x --replay-path '${i}:0'` }));
    r.rules = many;
    r.totals = totalsOf(many);
    r.baseline = { file: 'b.json', target: 'cognito-local', newFailures: many.slice(3).map((x) => x.id), knownFailures: many.slice(0, 3).map((x) => x.id), expired: [], fixed: [], unconfirmed: [], unchecked: [] };
    const md = markdownReport(r);
    const html = htmlScorecard(r);
    for (const x of many) {
      expect(md).toContain(x.replay);
      expect(html).toContain(x.replay);
    }
  });
});
