import { describe, expect, it } from 'vitest';
import { countsAsFailure, exitCodeOf, totalsOf } from './runReport.js';
import type { RuleResult } from './ruleResult.js';

const result = (id: string, status: RuleResult['status'], confirmed?: boolean): RuleResult => ({
  id, kind: 'cross-field', members: [], evidence: confirmed === false ? 'inferred' : 'observed', basis: '', statement: id, status, cases: 1,
  ...(confirmed === undefined ? {} : { confirmed }),
});

function report(rules: RuleResult[], harnessErrors: { code: string; message: string }[] = []) {
  return { rules, totals: totalsOf(rules), harnessErrors };
}

describe('exitCodeOf', () => {
  it('fails the run on a confirmed failure, not on an unconfirmed one unless strict', () => {
    const guess = report([result('a', 'passed'), result('logout-urls.same-rules-as-callback', 'failed', false)]);
    expect(exitCodeOf(guess)).toBe(0);
    expect(exitCodeOf(guess, { strict: true })).toBe(1);
    const known = report([result('client-name.max-length', 'failed', true), result('b', 'failed', false)]);
    expect(exitCodeOf(known)).toBe(1);
  });

  it('reads a failure without `confirmed` (an older report) as confirmed', () => {
    expect(exitCodeOf(report([result('client-name.max-length', 'failed')]))).toBe(1);
    expect(countsAsFailure({ status: 'failed' })).toBe(true);
    expect(countsAsFailure({ status: 'passed', confirmed: true })).toBe(false);
  });

  it('gives 2 for harness errors whatever else failed', () => {
    expect(exitCodeOf(report([result('a', 'failed', false), result('b', 'error')]))).toBe(2);
    expect(exitCodeOf(report([result('a', 'passed')], [{ code: 'E_FIXTURE', message: 'x' }]), { strict: true })).toBe(2);
  });

  it('counts every failure of a bare totals object', () => {
    expect(exitCodeOf({ totals: { passed: 3, failed: 1, skipped: 0, error: 0 }, harnessErrors: [] })).toBe(1);
  });
});
