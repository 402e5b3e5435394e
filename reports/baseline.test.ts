import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptsFailureOf, applyBaseline, baselineFromReport, baselineSummary, loadBaseline, writeBaseline, type Baseline } from './baseline.js';
import { sampleReport } from '../testing/sampleReport.js';
import { totalsOf, type RunReport } from './runReport.js';
import type { RuleResult } from './ruleResult.js';

const dir = mkdtempSync(join(tmpdir(), 'baseline-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: unknown): string {
  const path = join(dir, `b${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** A report with exactly the given statuses, no harness errors. */
function reportOf(statuses: Record<string, RuleResult['status']>): RunReport {
  const base = sampleReport();
  const template = base.rules[0] as RuleResult;
  const rules = Object.entries(statuses).map(([id, status]): RuleResult => ({ ...template, id, status, reason: `${id} broke` }));
  return { ...base, rules, totals: totalsOf(rules), harnessErrors: [] };
}

const baseline = (entries: Baseline['entries']): Baseline => ({ version: 1, target: 'cognito-local', entries });
const today = new Date('2026-11-26T12:00:00Z');

describe('loadBaseline', () => {
  it('reads a valid file', () => {
    const b = baseline([{ ruleId: 'client-name.max-length', reason: 'no length checks', expires: '2027-01-31' }]);
    expect(loadBaseline(file(b))).toEqual(b);
  });

  it('reads the shipped cognito-local baseline', () => {
    const b = loadBaseline(new URL('./baselines/cognito-local.json', import.meta.url).pathname);
    expect(b.target).toBe('cognito-local');
    expect(b.comment).toContain('--update-baseline');
  });

  it.each([
    ['{ nope', /not JSON/],
    [[], /not a JSON object/],
    [{ version: 2, target: 'x', entries: [] }, /version must be 1, got 2/],
    [{ version: 1, target: '', entries: [] }, /target must be a non-empty string/],
    [{ version: 1, target: 'x', entries: {} }, /entries must be a list/],
    [{ version: 1, target: 'x', entries: [], extra: 1 }, /unknown field "extra"/],
    [{ version: 1, target: 'x', entries: [{ ruleId: 'client-name.max-lenght', reason: 'r' }] }, /entries\[0\]: unknown rule id "client-name.max-lenght"/],
    [{ version: 1, target: 'x', entries: [{ ruleId: 'explicit-auth-flows.refresh-token-auth-required', reason: 'r' }] }, /entries\[0\]: rule id "explicit-auth-flows.refresh-token-auth-required" is now "explicit-auth-flows.refresh-token-auth-optional"/],
    [{ version: 1, target: 'x', entries: [{ ruleId: 'client-name.max-length' }] }, /reason must be a non-empty string/],
    [{ version: 1, target: 'x', entries: [{ ruleId: 'client-name.max-length', reason: 'r', expiry: '2027-01-01' }] }, /unknown field "expiry"/],
    [{ version: 1, target: 'x', entries: [{ ruleId: 'client-name.max-length', reason: 'r', expires: '2027-02-30' }] }, /expires must be a date YYYY-MM-DD, got "2027-02-30"/],
    [{ version: 1, target: 'x', entries: [{ ruleId: 'client-name.max-length', reason: 'r' }, { ruleId: 'client-name.max-length', reason: 's' }] }, /entries\[1\]: rule id "client-name.max-length" is listed twice/],
  ])('rejects %j with E_CONFIG and one line naming the file', (content, message) => {
    const path = file(content);
    let caught: unknown;
    try {
      loadBaseline(path);
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'E_CONFIG' });
    const text = (caught as Error).message;
    expect(text).toMatch(message);
    expect(text.startsWith(`baseline ${path}: `)).toBe(true);
    expect(text).not.toContain('\n');
  });

  it('a missing file is E_CONFIG', () => {
    expect(() => loadBaseline(join(dir, 'missing.json'))).toThrow(expect.objectContaining({ code: 'E_CONFIG', message: expect.stringContaining('no such file') }));
  });
});

describe('applyBaseline', () => {
  const report = reportOf({
    'client-name.max-length': 'failed',
    'client-name.min-length': 'failed',
    'client-name.pattern': 'failed',
    'user-pool-id.pattern': 'passed',
    'protocol.request-id': 'skipped',
  });

  it('accepts known failures, flags new and expired ones, and finds fixed and unchecked entries', () => {
    const outcome = applyBaseline(report, baseline([
      { ruleId: 'client-name.max-length', reason: 'known', expires: '2026-11-26' },
      { ruleId: 'client-name.min-length', reason: 'old', expires: '2026-11-25' },
      { ruleId: 'user-pool-id.pattern', reason: 'was broken' },
      { ruleId: 'protocol.request-id', reason: 'no header' },
    ]), today);
    expect(outcome.newFailures.map((r) => r.id)).toEqual(['client-name.pattern']);
    expect(outcome.knownFailures.map((k) => [k.result.id, k.entry.reason])).toEqual([['client-name.max-length', 'known']]);
    expect(outcome.expired.map((e) => e.ruleId)).toEqual(['client-name.min-length']);
    expect(outcome.fixed.map((e) => e.ruleId)).toEqual(['user-pool-id.pattern']);
    expect(outcome.unchecked.map((e) => e.ruleId)).toEqual(['protocol.request-id']);
    expect(outcome.exitCode).toBe(1);
  });

  it('tells the progress line which failures it accepts: listed, unexpired, and for this target only', () => {
    const b = baseline([
      { ruleId: 'client-name.max-length', reason: 'known', expires: '2026-11-26' },
      { ruleId: 'client-name.min-length', reason: 'old', expires: '2026-11-25' },
    ]);
    const accepts = acceptsFailureOf(b, report.target.name, today);
    expect(accepts('client-name.max-length')).toBe(true);
    expect(accepts('client-name.min-length')).toBe(false);
    expect(accepts('client-name.pattern')).toBe(false);
    // The same verdicts applyBaseline gives the report.
    const outcome = applyBaseline(report, b, today);
    expect(outcome.knownFailures.map((k) => k.result.id)).toEqual(['client-name.max-length']);
    expect(acceptsFailureOf(b, 'another-target', today)('client-name.max-length')).toBe(false);
  });

  it('exit 0 when every failure is in the unexpired baseline', () => {
    const b = baseline(['client-name.max-length', 'client-name.min-length', 'client-name.pattern'].map((ruleId) => ({ ruleId, reason: 'r' })));
    expect(applyBaseline(report, b, today).exitCode).toBe(0);
  });

  it('exit 1 on an expired entry alone', () => {
    const b = baseline(['client-name.max-length', 'client-name.min-length', 'client-name.pattern'].map((ruleId) => ({ ruleId, reason: 'r', expires: '2026-01-01' })));
    const outcome = applyBaseline(report, b, today);
    expect(outcome.newFailures).toEqual([]);
    expect(outcome.expired).toHaveLength(3);
    expect(outcome.exitCode).toBe(1);
  });

  it('exit 2 on harness errors, whatever the baseline says', () => {
    const withError = reportOf({ 'client-name.max-length': 'failed', 'protocol.request-id': 'error' });
    expect(applyBaseline(withError, baseline([{ ruleId: 'client-name.max-length', reason: 'r' }]), today).exitCode).toBe(2);
    const withSetupError = { ...reportOf({ 'user-pool-id.pattern': 'passed' }), harnessErrors: [{ code: 'E_FIXTURE', message: 'x' }] };
    expect(applyBaseline(withSetupError, baseline([]), today).exitCode).toBe(2);
  });

  it('sets unconfirmed failures apart unless --strict, and still accepts them when listed', () => {
    const withGuess = reportOf({ 'client-name.max-length': 'failed', 'logout-urls.same-rules-as-callback': 'failed' });
    const rules = withGuess.rules.map((r) => ({ ...r, confirmed: r.id !== 'logout-urls.same-rules-as-callback' }));
    const r = { ...withGuess, rules };
    const known = baseline([{ ruleId: 'client-name.max-length', reason: 'r' }]);
    const lenient = applyBaseline(r, known, today);
    expect(lenient.newFailures).toEqual([]);
    expect(lenient.unconfirmed.map((x) => x.id)).toEqual(['logout-urls.same-rules-as-callback']);
    expect(lenient.exitCode).toBe(0);
    expect(baselineSummary(lenient)).toContain('Unconfirmed failures (not in the baseline; fail the run only with --strict):\n  ? logout-urls.same-rules-as-callback');
    const strict = applyBaseline(r, known, today, { strict: true });
    expect(strict.newFailures.map((x) => x.id)).toEqual(['logout-urls.same-rules-as-callback']);
    expect(strict.unconfirmed).toEqual([]);
    expect(strict.exitCode).toBe(1);
    const listed = applyBaseline(r, baseline([...known.entries, { ruleId: 'logout-urls.same-rules-as-callback', reason: 'guess' }]), today, { strict: true });
    expect(listed.knownFailures).toHaveLength(2);
    expect(listed.exitCode).toBe(0);
    const expired = applyBaseline(r, baseline([...known.entries, { ruleId: 'logout-urls.same-rules-as-callback', reason: 'guess', expires: '2026-01-01' }]), today);
    expect(expired.expired).toEqual([]);
    expect(expired.unconfirmed.map((x) => x.id)).toEqual(['logout-urls.same-rules-as-callback']);
    expect(expired.exitCode).toBe(0);
  });

  it('a baseline of another target is a config error', () => {
    expect(() => applyBaseline(report, { ...baseline([]), target: 'aws' }, today)).toThrow(expect.objectContaining({ code: 'E_CONFIG', message: expect.stringContaining('"aws"') }));
  });

  it('summary lists new failures, expired entries, known gaps and fixed entries', () => {
    const text = baselineSummary(applyBaseline(report, baseline([
      { ruleId: 'client-name.max-length', reason: 'known', expires: '2026-12-31' },
      { ruleId: 'client-name.min-length', reason: 'old', expires: '2026-11-25' },
      { ruleId: 'user-pool-id.pattern', reason: 'was broken' },
    ]), today));
    expect(text).toMatch(/^Baseline: 1 new failure, 1 expired entry, 1 known gap, 1 fixed entry$/m);
    expect(text).toContain('New failures (not in the baseline):\n  ✗ client-name.pattern — client-name.pattern broke');
    expect(text).toContain('  ✗ client-name.min-length — expired 2026-11-25: old');
    expect(text).toContain('  ~ client-name.max-length — known (until 2026-12-31)');
    expect(text).toContain('Fixed (now passing — remove from the baseline):\n  ✓ user-pool-id.pattern');
  });
});

describe('baselineFromReport (--update-baseline)', () => {
  it('lists every failed rule in contract order, with the failure as the reason', () => {
    const report = reportOf({ 'client-name.pattern': 'failed', 'user-pool-id.required': 'failed', 'client-name.min-length': 'passed' });
    const b = baselineFromReport(report);
    expect(b.version).toBe(1);
    expect(b.target).toBe('cognito-local');
    expect(b.comment).toContain('--update-baseline');
    expect(b.entries).toEqual([
      { ruleId: 'user-pool-id.required', reason: 'user-pool-id.required broke' },
      { ruleId: 'client-name.pattern', reason: 'client-name.pattern broke' },
    ]);
    // What it produces is what applyBaseline accepts.
    expect(applyBaseline(report, b, today).exitCode).toBe(0);
  });

  it('keeps reasons and expiry of entries already there, drops fixed ones, keeps unjudged ones', () => {
    const report = reportOf({ 'client-name.pattern': 'failed', 'client-name.min-length': 'passed', 'protocol.request-id': 'skipped' });
    const previous: Baseline = { ...baseline([
      { ruleId: 'client-name.min-length', reason: 'fixed now' },
      { ruleId: 'client-name.pattern', reason: 'hand-written', expires: '2027-03-01' },
      { ruleId: 'protocol.request-id', reason: 'no header' },
      { ruleId: 'output.shape', reason: 'not run this time' },
    ]), comment: 'mine' };
    expect(baselineFromReport(report, previous)).toEqual({
      version: 1,
      target: 'cognito-local',
      comment: 'mine',
      entries: [
        { ruleId: 'client-name.pattern', reason: 'hand-written', expires: '2027-03-01' },
        { ruleId: 'output.shape', reason: 'not run this time' },
        { ruleId: 'protocol.request-id', reason: 'no header' },
      ],
    });
  });

  it('round-trips through writeBaseline and loadBaseline', () => {
    const b = baselineFromReport(sampleReport());
    const path = join(dir, 'written.json');
    writeBaseline(path, b);
    expect(readFileSync(path, 'utf8').endsWith('}\n')).toBe(true);
    expect(loadBaseline(path)).toEqual(b);
  });
});
