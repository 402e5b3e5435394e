import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReport } from '../reports/readReport.js';
import { EVIDENCE_DIR } from '../runner/evidenceCorpus.js';
import { judgeCommand } from './judgeCommand.js';

const dir = mkdtempSync(join(tmpdir(), 'judge-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(argv: string[]): { code: number; text: string } {
  let text = '';
  const code = judgeCommand(argv, (s) => void (text += s));
  return { code, text };
}

function errorOf(argv: string[]): { code?: string; message: string } {
  try {
    run(argv);
  } catch (err) {
    return { code: (err as { code?: string }).code, message: (err as Error).message };
  }
  throw new Error('expected an error');
}

const client = {
  UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'app', ClientId: '4ssm8oh504j4q146ic4hogbo2s', LastModifiedDate: 1732259462.702, CreationDate: 1732259462.702,
  RefreshTokenValidity: 30, TokenValidityUnits: {}, AllowedOAuthFlowsUserPoolClient: false, EnableTokenRevocation: true, EnablePropagateAdditionalUserContextData: false, AuthSessionValidity: 3,
};
const record = (over: Record<string, unknown>) => JSON.stringify({
  id: 'r1', operation: 'CreateUserPoolClient', request: { UserPoolId: client.UserPoolId, ClientName: 'app' }, response: { status: 200, body: { UserPoolClient: client } },
  recordedAt: '2024-11-22T07:11:02.702Z', source: { kind: 'notes', title: 'test' }, confidence: 'observed', ...over,
});

describe('judge command', () => {
  it('judges the evidence corpus and exits 0, writing every report format', () => {
    const out = join(dir, 'evidence');
    const { code, text } = run(['--out', out, EVIDENCE_DIR]);
    expect(code).toBe(0);
    expect(text).toMatch(/^Judged \d+ recorded exchanges \(\d+ on every rule that applies, 0 as cases of a run; 0 fixture exchanges not judged\)/);
    for (const f of ['report.json', 'junit.xml', 'scorecard.html', 'summary.md']) expect(existsSync(join(out, f))).toBe(true);
    const report = readReport(join(out, 'report.json')) as ReturnType<typeof readReport> & { recording?: { records: number } };
    expect(report.target.name).toBe('aws');
    expect(report.recording?.records).toBeGreaterThanOrEqual(40);
    expect(report.totals.failed).toBe(0);
  });

  it('exits 1 on a record the contract calls wrong, naming it, and 0 with a baseline that lists the rule', () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, `${record({ response: { status: 200, body: { UserPoolClient: { ...client, AuthSessionValidity: 5 } } } })}\n`);
    const { code, text } = run(['--out', join(dir, 'bad'), file]);
    expect(code).toBe(1);
    expect(text).toContain('✗ r1 (');
    expect(text).toContain('default.auth-session-validity: AuthSessionValidity: expected 3, got 5');
    const baseline = join(dir, 'baseline.json');
    expect(run(['--out', join(dir, 'bad'), '--baseline', baseline, '--update-baseline', file]).text).toContain(`Baseline written: ${baseline}`);
    expect(JSON.parse(readFileSync(baseline, 'utf8'))).toMatchObject({ target: 'aws', entries: [{ ruleId: 'default.auth-session-validity' }] });
    expect(run(['--out', join(dir, 'bad'), '--baseline', baseline, file]).code).toBe(0);
  });

  it('judges only the rules --rules selects', () => {
    const file = join(dir, 'one.jsonl');
    writeFileSync(file, `${record({})}\n`);
    const out = join(dir, 'rules');
    expect(run(['--out', out, '--rules', 'default.*', file]).code).toBe(0);
    expect(readReport(join(out, 'report.json')).rules.every((r) => r.id.startsWith('default.'))).toBe(true);
  });

  it('is a usage error without a recording, and a one-line file:line error on a bad record', () => {
    expect(errorOf([])).toEqual({ code: 'E_USAGE', message: 'judge needs at least one recording: a .jsonl file or a directory (see judge --help)' });
    expect(errorOf(['--rules', 'nope.*', EVIDENCE_DIR]).message).toMatch(/matches no rule id/);
    const file = join(dir, 'broken.jsonl');
    writeFileSync(file, `${record({})}\n${record({ id: 'r2', recordedAt: 'yesterday' })}\n`);
    expect(errorOf(['--out', join(dir, 'x'), file])).toEqual({ code: 'E_CONFIG', message: `${file}:2: recordedAt "yesterday" is not an ISO 8601 date (YYYY-MM-DD) or date-time with a zone` });
    expect(run(['--help']).text).toMatch(/^Usage: cognito-conformance judge/);
  });

  it('checks the baseline it would write before reading any record', () => {
    expect(errorOf(['--out', join(dir, 'y'), '--baseline', dir, '--update-baseline', join(dir, 'no-such.jsonl')]))
      .toEqual({ code: 'E_USAGE', message: `--baseline ${dir}: is a directory, not a file` });
  });
});
