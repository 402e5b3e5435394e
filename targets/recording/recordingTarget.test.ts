import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange, Target } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import { parseRecordings } from './readRecordings.js';
import { recordContext, recordOf, withRecording } from './recordingTarget.js';
import { standInFor } from './secretMask.js';

const SECRET = '13ka4h7u28d9oo44tqpq9djqsfvhvu8rk4d2ighvpu0k8fj1c2r9';
const CUSTOM = 'my0own0secret0value0of0thirty0two+chars';
const info = { name: 'stub', endpoint: 'http://127.0.0.1:1/', region: 'eu-west-1', transport: 'http' as const };

/** Answers every operation from a function; no network. */
function stubTarget(answer: (operation: string, input: Readonly<Record<string, unknown>>) => Partial<Exchange>): Target {
  return {
    info,
    async send(operation, input) {
      const a = answer(operation, input);
      const body = a.body;
      return { operation, input, status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body, rawBody: body === undefined ? '' : JSON.stringify(body), elapsedMs: 1, layer: 'server', ...a };
    },
    async close() {},
  };
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cc-record-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('recordOf', () => {
  const meta = { id: 'r-1', info, sentAt: Date.parse('2026-01-02T03:04:05.006Z'), receivedAt: Date.parse('2026-01-02T03:04:05.046Z'), title: 'test run' };

  it('masks ClientSecret in request and response, keeping length and character classes, and lists the paths', () => {
    const exchange: Exchange = {
      operation: 'CreateUserPoolClient', input: { UserPoolId: 'eu-west-1_Abc', ClientName: 'x', ClientSecret: CUSTOM }, status: 200,
      headers: { 'Content-Type': 'application/x-amz-json-1.1', authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/…', 'x-amz-security-token': 'FwoGZXIvYXdzEXAMPLE' },
      body: { UserPoolClient: { ClientId: '4ssm8oh504j4q146ic4hogbo2s', ClientSecret: SECRET } }, rawBody: '', elapsedMs: 1,
    };
    const r = recordOf(exchange, meta);
    const text = JSON.stringify(r);
    for (const secret of [SECRET, CUSTOM, 'AKIDEXAMPLE', 'FwoGZXIvYXdzEXAMPLE']) expect(text).not.toContain(secret);
    expect(r.redacted).toEqual(['request.ClientSecret', 'response.body.UserPoolClient.ClientSecret', 'response.headers.authorization', 'response.headers.x-amz-security-token']);
    const masked = (r.response.body as { UserPoolClient: { ClientSecret: string } }).UserPoolClient.ClientSecret;
    expect(masked).toBe('<redacted:52 chars of 0-9 a-v, lead 1>');
    expect(standInFor(masked)).toMatch(/^1[0-9a-v]{51}$/);
    expect(r.request.ClientSecret).toBe('<redacted:39 chars of 0-9 a-v w-z +, lead 8-v>');
    expect(r.response.headers?.['content-type']).toBe('application/x-amz-json-1.1');
    expect(r.recordedAt).toBe('2026-01-02T03:04:05.006Z');
    expect(r.durationMs).toBe(40);
  });

  it('scrubs a secret quoted in an error message and keeps a body that is not JSON as text', () => {
    const r = recordOf({
      operation: 'CreateUserPoolClient', input: { ClientSecret: CUSTOM }, status: 400, headers: {}, body: { __type: 'InvalidParameterException', message: `secret ${CUSTOM} is not allowed` }, rawBody: '', elapsedMs: 1,
    }, meta);
    expect((r.response.body as { message: string }).message).toBe('secret <redacted:39 chars of 0-9 a-v w-z +, lead 8-v> is not allowed');
    const html = recordOf({ operation: 'CreateUserPoolClient', input: {}, status: 413, headers: {}, body: undefined, rawBody: '<html>too large</html>', elapsedMs: 1 }, meta);
    expect(html.response).toEqual({ status: 413, headers: {}, body: null, rawBody: '<html>too large</html>' });
  });

  it('marks what is sent outside a rule as a fixture, and tags a case with its rule, case and the pool', () => {
    const ex: Exchange = { operation: 'CreateUserPool', input: {}, status: 200, headers: {}, body: {}, rawBody: '{}', elapsedMs: 1 };
    expect(recordOf(ex, meta)).toMatchObject({ fixture: true });
    expect(recordOf(ex, meta).rule).toBeUndefined();
    const pool = { userPoolId: 'eu-west-1_Abc', customAttributes: [{ name: 'custom:tier', mutable: true }], resourceServerScopes: ['https://a.example/read'], identityProviders: ['Corp'], requiredAttributes: ['email'] };
    const tagged = recordOf(ex, { ...meta, tag: { rule: 'output.echo', case: '3' }, pool });
    expect(tagged).toMatchObject({ rule: 'output.echo', case: '3', pool: { userPoolId: 'eu-west-1_Abc', requiredAttributes: ['email'], identityProviders: ['Corp'] } });
    expect(tagged.fixture).toBeUndefined();
  });
});

describe('withRecording', () => {
  it('appends one valid record per exchange, tagged by recordContext across awaits, and passes the exchange through', async () => {
    const dir = tempDir();
    const inner = stubTarget((operation) => (operation === 'CreateUserPoolClient' ? { body: { UserPoolClient: { ClientId: 'abc', ClientSecret: SECRET } } } : { body: {} }));
    const target = withRecording(inner, dir, { fileName: 'run.jsonl', idPrefix: 'run' });
    await target.send('CreateUserPool', { PoolName: 'p' });
    const [a, b] = await Promise.all([
      recordContext.run({ rule: 'output.echo' }, async () => {
        await new Promise((r) => setTimeout(r, 5));
        return recordContext.run({ case: '0' }, () => target.send('CreateUserPoolClient', { UserPoolId: 'p_1', ClientName: 'a' }));
      }),
      recordContext.run({ rule: 'output.shape', case: '7' }, () => target.send('CreateUserPoolClient', { UserPoolId: 'p_1', ClientName: 'b' })),
    ]);
    expect((a.body as { UserPoolClient: { ClientSecret: string } }).UserPoolClient.ClientSecret).toBe(SECRET);
    expect(b.status).toBe(200);
    expect(target.count).toBe(3);
    const text = readFileSync(target.file, 'utf8');
    expect(text).not.toContain(SECRET);
    const records = parseRecordings(text, target.file).map((l) => l.record);
    expect(records.map((r) => [r.operation, r.rule, r.case, r.fixture])).toEqual(expect.arrayContaining([
      ['CreateUserPool', undefined, undefined, true],
      ['CreateUserPoolClient', 'output.echo', '0', undefined],
      ['CreateUserPoolClient', 'output.shape', '7', undefined],
    ]));
    expect(new Set(records.map((r) => r.id)).size).toBe(3);
    // The same secret in two records has the same number: judge sees equality, never the value.
    const masks = records.filter((r) => r.operation === 'CreateUserPoolClient').map((r) => (r.response.body as { UserPoolClient: { ClientSecret: string } }).UserPoolClient.ClientSecret);
    expect(masks).toEqual(['<redacted:52 chars of 0-9 a-v, lead 1 #1>', '<redacted:52 chars of 0-9 a-v, lead 1 #1>']);
    expect(records.every((r) => r.target?.name === 'stub' && r.source?.kind === 'run')).toBe(true);
  });

  it('writes nothing for a request that got no answer, and says so in one line when the directory cannot be made', async () => {
    const dir = tempDir();
    const failing: Target = { info, send: () => Promise.reject(new HarnessError('E_TARGET_UNREACHABLE', 'refused')), close: async () => {} };
    const target = withRecording(failing, dir, { fileName: 'x.jsonl' });
    await expect(target.send('CreateUserPoolClient', {})).rejects.toThrow('refused');
    expect(target.count).toBe(0);
    const file = join(dir, 'file');
    await withRecording(stubTarget(() => ({ body: {} })), dir, { fileName: 'file' }).send('ListUserPoolClients', {});
    expect(() => withRecording(failing, join(file, 'sub'))).toThrow(/^--record .*: cannot create the directory/);
  });
});
