import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecordings, readRecordings, recordedExchangeSchema, recordProblem } from './readRecordings.js';

const ok = { operation: 'CreateUserPoolClient', request: { UserPoolId: 'us-east-1_A', ClientName: 'a' }, response: { status: 200, body: {} }, recordedAt: '2024-11-22' };
const line = (v: unknown) => JSON.stringify(v);

const root = mkdtempSync(join(tmpdir(), 'cc-read-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function errorOf(fn: () => unknown): { code?: string; message: string } {
  try {
    fn();
  } catch (err) {
    return { code: (err as { code?: string }).code, message: (err as Error).message };
  }
  throw new Error('expected an error');
}

describe('recordProblem', () => {
  it('accepts the agreed format, dates with or without a time, and every optional field', () => {
    expect(recordProblem(ok)).toBeUndefined();
    expect(recordProblem({ ...ok, recordedAt: '2024-11-22T15:11:02.702+08:00' })).toBeUndefined();
    expect(recordProblem({
      ...ok, id: 'raw-1', region: 'ap-northeast-1', durationMs: 12, layer: 'server', target: { name: 'aws', endpoint: 'https://x', transport: 'http' },
      source: { kind: 'issue', url: 'https://github.com/aws/aws-cdk/issues/7625', repo: 'aws/aws-cdk', path: 'a', commit: 'a'.repeat(40), title: 't' },
      confidence: 'observed', sanitized: 's', redacted: ['request.ClientSecret'], partial: ['request', 'response.body'],
      pool: { userPoolId: 'us-east-1_A', exists: true, customAttributes: [{ name: 'custom:tier', mutable: true, required: false }], requiredAttributes: ['email'], resourceServerScopes: ['a/b'], identityProviders: ['Google'] },
      fixture: false, rule: 'output.echo', case: '0',
    })).toBeUndefined();
  });

  it('says in one line what is wrong', () => {
    expect(recordProblem({ ...ok, recordedAt: undefined })).toBe('missing "recordedAt"');
    expect(recordProblem({ ...ok, response: { status: 200 } })).toBe('response: missing "body"');
    expect(recordProblem({ ...ok, respnse: 1 })).toMatch(/^unknown field "respnse"/);
    expect(recordProblem({ ...ok, confidence: 'seen' })).toBe('confidence is "seen", not one of observed, documented');
    expect(recordProblem({ ...ok, recordedAt: '22/11/2024' })).toMatch(/^recordedAt "22\/11\/2024" is not an ISO 8601 date/);
    expect(recordProblem({ ...ok, recordedAt: '2024-02-30T25:00Z' })).toMatch(/is not a real date/);
    expect(recordProblem({ ...ok, redacted: ['body.ClientSecret'] })).toMatch(/^redacted\[0\] "body.ClientSecret" does not match/);
    expect(recordProblem({ ...ok, source: { kind: 'run', commit: 'abc' } })).toMatch(/^source.commit "abc" does not match/);
    expect(recordProblem({ ...ok, response: { status: 200, body: {}, rawBody: 'x' } })).toMatch(/rawBody is only for a body that is not JSON/);
  });

  it('is the schema file the README links', () => {
    expect(recordedExchangeSchema.title).toBe('cognito-conformance recorded exchange');
  });
});

describe('readRecordings', () => {
  const dir = join(root, 'corpus');
  mkdirSync(join(dir, 'nested'), { recursive: true });
  writeFileSync(join(dir, 'b.jsonl'), `${line({ ...ok, id: 'b1' })}\n\n${line({ ...ok, id: 'b2' })}\n`);
  writeFileSync(join(dir, 'nested', 'a.jsonl'), `${line(ok)}\n`);
  writeFileSync(join(dir, 'notes.txt'), 'not a recording');

  it('reads directories recursively in name order, skipping blank lines and other files', () => {
    const records = readRecordings([dir], { relativeTo: root });
    expect(records.map((r) => [r.key, r.file, r.line])).toEqual([
      ['b1', join('corpus', 'b.jsonl'), 1],
      ['b2', join('corpus', 'b.jsonl'), 3],
      [`${join('corpus', 'nested', 'a.jsonl')}:1`, join('corpus', 'nested', 'a.jsonl'), 1],
    ]);
  });

  it('names the file and line of a bad record (E_CONFIG), and a duplicate id with both places', () => {
    expect(errorOf(() => parseRecordings(`${line(ok)}\n{"operation":`, 'x.jsonl'))).toEqual({ code: 'E_CONFIG', message: expect.stringMatching(/^x\.jsonl:2: not JSON \(/) });
    expect(errorOf(() => parseRecordings(line({ ...ok, operation: 'create' }), 'x.jsonl')).message).toMatch(/^x\.jsonl:1: operation "create" does not match/);
    const dup = join(root, 'dup.jsonl');
    writeFileSync(dup, `${line({ ...ok, id: 'same' })}\n${line({ ...ok, id: 'same' })}\n`);
    expect(errorOf(() => readRecordings([dup])).message).toBe(`${dup}:2: id "same" is already used at ${dup}:1`);
  });

  it('is a usage error (E_USAGE) to name nothing, a missing path or a directory without recordings', () => {
    expect(errorOf(() => readRecordings([])).code).toBe('E_USAGE');
    expect(errorOf(() => readRecordings([join(root, 'nope')]))).toEqual({ code: 'E_USAGE', message: `${join(root, 'nope')}: no such file or directory` });
    mkdirSync(join(root, 'empty'));
    expect(errorOf(() => readRecordings([join(root, 'empty')])).message).toMatch(/no \.jsonl recordings in this directory$/);
  });
});
