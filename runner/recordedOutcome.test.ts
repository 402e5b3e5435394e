import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RuleResult } from '../reports/ruleResult.js';
import { readRecordedOutcome, recordedOutcomePath, withRecordedOutcomes, writeRecordedOutcome } from './recordedOutcome.js';

const dir = mkdtempSync(join(tmpdir(), 'recorded-outcome-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rule = (id: string, status: RuleResult['status'], extra: Partial<RuleResult> = {}): RuleResult => ({
  id, kind: 'default', members: [], evidence: 'observed', basis: '', statement: id, status, cases: 2, ...extra,
});

describe('the outcome a recording cannot show by its exchanges', () => {
  it('is written beside the recording for rules the run did not finish, and read back', () => {
    const file = join(dir, 'run.jsonl');
    const path = writeRecordedOutcome(file, { rules: [rule('a', 'passed'), rule('b', 'incomplete', { reason: 'request budget of 150 spent' }), rule('c', 'interrupted', { reason: 'interrupted by SIGINT' })], signal: 'SIGINT' });
    expect(path).toBe(recordedOutcomePath(file));
    expect(JSON.parse(readFileSync(path as string, 'utf8'))).toEqual({
      version: 1, recording: 'run.jsonl', signal: 'SIGINT',
      unfinished: { b: { status: 'incomplete', cases: 2, reason: 'request budget of 150 spent' }, c: { status: 'interrupted', cases: 2, reason: 'interrupted by SIGINT' } },
    });
    expect(readRecordedOutcome(file)?.unfinished.b?.status).toBe('incomplete');
    expect(writeRecordedOutcome(join(dir, 'finished.jsonl'), { rules: [rule('a', 'passed')] })).toBeUndefined();
    expect(readRecordedOutcome(join(dir, 'finished.jsonl'))).toBeUndefined();
  });

  it('gives judged rules the run\'s status back, except a failure, which the run reports as failed too', () => {
    const outcome = { version: 1 as const, recording: 'r.jsonl', unfinished: { a: { status: 'incomplete' as const, cases: 1, reason: 'budget spent' }, b: { status: 'incomplete' as const, cases: 0, reason: 'budget spent' }, c: { status: 'interrupted' as const, cases: 1, reason: 'interrupted by SIGINT' } } };
    const judged = withRecordedOutcomes([rule('a', 'passed'), rule('b', 'skipped', { reason: 'no recorded exchange exercises this rule' }), rule('c', 'failed'), rule('d', 'passed')], [outcome]);
    expect(judged.map((r) => [r.id, r.status])).toEqual([['a', 'incomplete'], ['b', 'incomplete'], ['c', 'failed'], ['d', 'passed']]);
    expect(judged[1]?.reason).toBe('budget spent (as the recorded run reported it)');
  });

  it('a malformed one is one line naming it', () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(recordedOutcomePath(file), '{"version":2}');
    expect(() => readRecordedOutcome(file)).toThrow(/recording outcome .*bad\.jsonl\.outcome\.json: not a version 1 outcome/);
  });
});
