import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import { planRun } from '../runner/runPlan.js';
import { selectRules } from '../runner/selectRules.js';
import { AWS_QUOTA_RATES } from '../targets/pacing/quotaLimiter.js';
import { sampleReport } from '../testing/sampleReport.js';
import { applyBaseline } from './baseline.js';
import { diffReports } from './diffReports.js';
import { htmlScorecard } from './htmlScorecard.js';
import { junitReport } from './junitReport.js';
import { markdownReport } from './markdownReport.js';
import { planHeaderLines } from './planHeader.js';
import { readReport } from './readReport.js';
import { exitCodeOf, totalsOf, type RunReport } from './runReport.js';
import { summaryText } from './summaryText.js';

const PREFIX = 'cc-20261126t063310-3f9a';
const plan = planRun({
  rules: selectRules(contract.rules, ALL_KINDS, 'default.*'), runs: 10, runIdPrefix: PREFIX, quotas: AWS_QUOTA_RATES,
  account: { account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/nightly/gha' },
  target: { name: 'aws', kind: 'aws', endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/', region: 'eu-west-1', transport: 'http', concurrency: 4 },
  budget: { maxRequests: 4000, timeBudgetMs: 2_700_000 },
});

/** The sample report as an AWS run that a budget cut short: one rule incomplete, with the plan, traffic and budget. */
function awsReport(): RunReport {
  const base = sampleReport();
  const rules = base.rules.map((r) => (r.status === 'passed' ? { ...r, status: 'incomplete' as const, cases: 3, reason: 'stopped after 3 of 10 cases: request budget of 4000 spent (3990 requests reserved by the fixture and 1500 cases)' } : r));
  return {
    ...base,
    target: { ...base.target, name: 'aws', account: '123456789012' },
    rules,
    totals: totalsOf(rules),
    plan,
    harnessEvents: [{ code: 'throttling', message: '4012 requests sent (quotas 5/s per pool, 15/s per account): 12 answered with throttling, 12 retries, 80.2 s waited for a quota slot in all, rate lowered 3 times', counts: { sent: 4012, throttled: 12, retried: 12, waitedMs: 80_200, rateDecreases: 3 } }],
    budget: { maxRequests: 4000, timeBudgetMs: 2_700_000, reservedRequests: 3990, casesStarted: 1500, casesRefused: 40, elapsedMs: 1_200_000, reason: 'request budget of 4000 spent (3990 requests reserved by the fixture and 1500 cases)' },
  };
}

describe('planHeaderLines', () => {
  it('says the run id and account, rules and cases, requests by operation, what it creates, quotas and duration, budget', () => {
    const lines = planHeaderLines(plan);
    expect(lines[0]).toBe(`run id ${PREFIX}, account 123456789012 (arn:aws:sts::123456789012:assumed-role/nightly/gha)`);
    expect(lines[1]).toMatch(/^\d+ of \d+ selected rules to run; \d+ cases \(10 per rule\)$/);
    // As many pools as the quotas make worth it (runner/runPlan.ts): a fixture in each.
    const pools = plan.pools;
    expect(pools).toBeGreaterThan(1);
    expect(lines[2]).toMatch(new RegExp(`^requests \\d+: CreateUserPool ${pools}, CreateResourceServer ${pools}, CreateIdentityProvider ${pools}, CreateUserPoolClient \\d+, DeleteUserPoolClient \\d+`));
    expect(lines[3]).toContain(`${pools} × user pool ${PREFIX}-1, ${PREFIX}-2`);
    expect(lines[3]).toContain(`resource server https://${PREFIX}.example`);
    expect(lines[4]).toMatch(/^quotas 5\/s per write and 5\/s per read operation in each pool, 15\/s per write and 15\/s per read category in the account; about (\d+m)?(\d+s)? at these rates$/);
    expect(lines[5]).toBe('budget at most 4000 requests, at most 45m');
  });
});

describe('an AWS report cut short by its budget, in every reporter', () => {
  const report = awsReport();

  it('the terminal summary opens with the plan and the account, marks the rule INCOMPLETE with its reason, and says what the budget and the quotas did', () => {
    const text = summaryText(report);
    expect(text).toMatch(/^cognito-conformance: CreateUserPoolClient against aws \([^)]*, account 123456789012\)/);
    expect(text).toContain(`Plan (made before the first request):\n  run id ${PREFIX}, account 123456789012`);
    expect(text).toMatch(/^INCOMPLETE +default\.auth-session-validity +observed +3 cases — stopped after 3 of 10 cases: request budget of 4000 spent/m);
    expect(text).toContain('Incomplete (1 rules did not get all their cases; what they judged passed; they do not change the exit code without --strict)');
    expect(text).toContain('Budget: at most 4000 requests, at most 2700 s; 3990 requests reserved, 1500 cases started in 1200 s; spent: request budget of 4000 spent');
    expect(text).toContain('Harness event throttling (not a verdict): 4012 requests sent');
    expect(text).toMatch(/Totals: 0 passed, 1 failed, 1 skipped, 1 incomplete, 1 errors/);
    expect(summaryText(report, undefined, { strict: true })).toContain('with --strict they make the run exit 2');
  });

  it('Markdown: the plan under the headline, an incomplete section, the budget and the throttling event', () => {
    const md = markdownReport(report);
    expect(md).toContain(`(${report.target.region}, ${report.target.transport}, account 123456789012)`);
    expect(md).toContain(`**Plan** (made before the first request):\n\n- run id ${PREFIX}, account 123456789012`);
    expect(md).toContain('### Incomplete rules (1)');
    expect(md).toContain('- `default.auth-session-validity`: 3 cases — stopped after 3 of 10 cases');
    expect(md).toContain('**Harness event `throttling`** (not a verdict): 4012 requests sent');
    expect(md).toMatch(/\| incomplete \| errors \|/);
  });

  it('JUnit: an incomplete rule is skipped, with the reason; HTML: its own status', () => {
    expect(junitReport(report)).toMatch(/<testcase[^>]*name="default.auth-session-validity"[\s\S]*?<property name="skip-reason" value="incomplete after 3 cases: stopped after 3 of 10 cases[\s\S]*?<skipped\/>/);
    const html = htmlScorecard(report);
    expect(html).toMatch(/<tr class="incomplete" data-rule="default.auth-session-validity" data-status="incomplete"/);
    expect(html).toContain('data-total="incomplete"');
    // The plan heads the scorecard as it heads the terminal and Markdown reports, and the quota's work is shown.
    expect(html).toContain(`<section id="plan"><h2>Plan</h2>`);
    expect(html).toContain(`<li>run id ${PREFIX}, account 123456789012`);
    expect(html).toMatch(/<ul id="harness-events"><li>throttling: 4012 requests sent/);
  });

  it('exit codes: incomplete changes nothing without --strict and is 2 with it, with or without a baseline', () => {
    const noFailure = { ...report, rules: report.rules.filter((r) => r.status === 'incomplete' || r.status === 'skipped') };
    const clean = { ...noFailure, totals: totalsOf(noFailure.rules) };
    expect(exitCodeOf(clean)).toBe(0);
    expect(exitCodeOf(clean, { strict: true })).toBe(2);
    const baseline = { version: 1 as const, target: 'aws', entries: [{ ruleId: 'default.auth-session-validity', reason: 'x' }] };
    expect(applyBaseline(clean, baseline, new Date()).exitCode).toBe(0);
    expect(applyBaseline(clean, baseline, new Date()).unchecked.map((e) => e.ruleId)).toEqual(['default.auth-session-validity']);
    expect(applyBaseline(clean, baseline, new Date(), { strict: true }).exitCode).toBe(2);
  });

  it('diff counts passed → incomplete as lost coverage, and report.json with incomplete rules reads back', () => {
    const diff = diffReports(sampleReport(), report);
    expect(diff.newlySkipped.map((c) => [c.id, c.before, c.after])).toEqual([['default.auth-session-validity', 'passed', 'incomplete']]);
    expect(diff.regressions).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'cc-plan-header-'));
    try {
      writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
      expect(readReport(join(dir, 'report.json')).rules.map((r) => r.status)).toContain('incomplete');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
