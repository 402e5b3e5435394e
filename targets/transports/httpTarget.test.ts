import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Target } from '../exchange.js';
import { freeLoopbackPort } from '../emulator/freeLoopbackPort.js';
import { HarnessError } from '../harnessError.js';
import { createHttpTarget, type HttpTargetOptions } from './httpTarget.js';
import { createQuotaLimiter } from '../pacing/quotaLimiter.js';
import { newTrafficCounts } from '../pacing/withRetry.js';
import { createSigV4Signer } from './sigv4Signer.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string, n: number) => void;

let server: Server;
let endpoint: string;
let handler: Handler;
let seen: Seen[];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const targets: Target[] = [];
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

function target(extra: Partial<HttpTargetOptions> = {}): Target {
  seen = [];
  const t = createHttpTarget({ name: 'fake', endpoint, region: 'us-east-1', retry: { throttleBaseDelayMs: 5, connectBaseDelayMs: 5 }, ...extra });
  targets.push(t);
  return t;
}

function reply(status: number, body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.1', ...headers });
    res.end(body);
  };
}

async function harnessError(p: Promise<unknown>): Promise<HarnessError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof HarnessError)) throw new Error(`expected a HarnessError, got ${String(err)}`);
  return err;
}

describe('createHttpTarget: the request on the wire', () => {
  it('POSTs / with the awsJson1_1 headers and the JSON body, and normalizes a success', async () => {
    handler = reply(200, '{"UserPoolClient":{"ClientId":"abc"}}', { 'X-Amzn-RequestId': 'req-1' });
    const t = target();
    const ex = await t.send('CreateUserPoolClient', { UserPoolId: 'us-east-1_x', ClientName: 'n' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/', body: '{"UserPoolId":"us-east-1_x","ClientName":"n"}' });
    expect(seen[0].headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.CreateUserPoolClient');
    expect(seen[0].headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(seen[0].headers.host).toBe(new URL(endpoint).host);
    expect(ex).toMatchObject({
      operation: 'CreateUserPoolClient', status: 200, body: { UserPoolClient: { ClientId: 'abc' } },
      rawBody: '{"UserPoolClient":{"ClientId":"abc"}}', attempts: 1, layer: 'server',
    });
    expect(ex.headers['x-amzn-requestid']).toBe('req-1');
    expect(ex.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(ex.errorType).toBeUndefined();
    expect(ex.elapsedMs).toBeGreaterThan(0);
    expect(t.info).toEqual({ name: 'fake', endpoint, region: 'us-east-1', transport: 'http' });
  });

  it('signs with SigV4 when given a signer, and the exchange carries nothing of it', async () => {
    handler = reply(200, '{}');
    const creds = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
    const t = target({ signer: createSigV4Signer({ region: 'us-east-1', credentials: creds }) });
    const ex = await t.send('DescribeUserPoolClient', { UserPoolId: 'p', ClientId: 'c' });
    expect(seen[0].headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-1\/cognito-idp\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(seen[0].headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    const dump = JSON.stringify(ex);
    expect(dump).not.toContain(creds.accessKeyId);
    expect(dump).not.toContain(creds.secretAccessKey);
  });
});

describe('createHttpTarget: error normalization', () => {
  it('x-amzn-ErrorType with a URI after the colon', async () => {
    handler = reply(400, '{"message":"bad"}', { 'x-amzn-ErrorType': 'InvalidParameterException:http://internal.amazon.com/coral/com.amazon.coral.validate/' });
    const ex = await target().send('CreateUserPoolClient', {});
    expect(ex).toMatchObject({ status: 400, errorType: 'InvalidParameterException', errorMessage: 'bad' });
  });

  it('__type with a namespace before #, Message spelled with a capital', async () => {
    handler = reply(400, '{"__type":"aws.protocol#Foo","Message":"big M"}');
    const ex = await target().send('CreateUserPoolClient', {});
    expect(ex).toMatchObject({ errorType: 'Foo', errorMessage: 'big M' });
  });

  it('code in the body', async () => {
    handler = reply(404, '{"code":"NotImplemented"}');
    expect((await target().send('CreateResourceServer', {})).errorType).toBe('NotImplemented');
  });

  it('a body that is not JSON: raw kept, body undefined, no error type', async () => {
    handler = (_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html>bad gateway</html>');
    };
    const ex = await target().send('CreateUserPoolClient', {});
    expect(ex).toMatchObject({ status: 502, rawBody: '<html>bad gateway</html>' });
    expect(ex.body).toBeUndefined();
    expect(ex.errorType).toBeUndefined();
  });
});

describe('createHttpTarget: retries', () => {
  it('retries TooManyRequestsException (HTTP 400, as Cognito sends it) and returns the final answer', async () => {
    handler = (req, res, body, n) =>
      n <= 2 ? reply(400, '{"__type":"TooManyRequestsException","message":"Rate exceeded"}')(req, res, body, n) : reply(200, '{"ok":1}')(req, res, body, n);
    const ex = await target().send('CreateUserPoolClient', { ClientName: 'x' });
    expect(ex).toMatchObject({ status: 200, attempts: 3, body: { ok: 1 } });
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.body))).toEqual(new Set(['{"ClientName":"x"}']));
  });

  it('gives up after maxThrottleAttempts with a harness error (E_THROTTLED), never an answer an oracle would judge', async () => {
    handler = reply(400, '{"__type":"TooManyRequestsException"}');
    const err = await target({ retry: { throttleBaseDelayMs: 1, maxThrottleAttempts: 3 } }).send('ListUserPools', { MaxResults: 1 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HarnessError);
    expect(err).toMatchObject({ code: 'E_THROTTLED', message: expect.stringContaining('still throttled after 3 attempts') });
    expect(seen).toHaveLength(3);
  });

  it('takes a slot of the shared quota limiter for every attempt, retries included, and counts the throttling', async () => {
    handler = (req, res, body, n) =>
      n === 1 ? reply(400, '{"__type":"TooManyRequestsException","message":"Rate exceeded"}')(req, res, body, n) : reply(200, '{"ok":1}')(req, res, body, n);
    const quota = createQuotaLimiter({ rates: { poolWritesPerSecond: 1_000, accountWritesPerSecond: 1_000 } });
    const ex = await target({ quota, retry: { throttleBaseDelayMs: 1 } }).send('CreateUserPoolClient', { UserPoolId: 'p', ClientName: 'c' });
    expect(ex).toMatchObject({ status: 200, attempts: 2 });
    expect(quota.counts()).toMatchObject({ sent: 2, throttled: 1, retried: 1, rateDecreases: 1 });
    expect(quota.currentRate({ operation: 'CreateUserPoolClient', userPoolId: 'p' }, 'pool')).toBeLessThan(1_000);
  });

  it('without a limiter counts attempts, throttling and retries into `traffic`', async () => {
    handler = (req, res, body, n) =>
      n <= 2 ? reply(429, '{}')(req, res, body, n) : reply(200, '{"ok":1}')(req, res, body, n);
    const traffic = newTrafficCounts();
    await target({ traffic, retry: { throttleBaseDelayMs: 1 } }).send('ListUserPools', { MaxResults: 1 });
    expect(traffic).toEqual({ sent: 3, throttled: 2, retried: 2, waitedMs: 0, rateDecreases: 0 });
  });

  it('does not retry other errors', async () => {
    handler = reply(500, '{"__type":"InternalErrorException"}');
    const ex = await target().send('CreateUserPoolClient', {});
    expect(ex.attempts).toBe(1);
    expect(seen).toHaveLength(1);
  });

  it('retries a reset connection for a read, never for a create', async () => {
    handler = (req, res, body, n) => (n === 1 ? req.socket.destroy() : reply(200, '{}')(req, res, body, n));
    const read = await target().send('DescribeUserPoolClient', {});
    expect(read).toMatchObject({ status: 200, attempts: 2 });

    handler = (req) => req.socket.destroy();
    const err = await harnessError(target().send('CreateUserPoolClient', {}));
    expect(err.code).toBe('E_TARGET_UNREACHABLE');
    expect(seen).toHaveLength(1);
  });
});

describe('createHttpTarget: harness errors', () => {
  it('an unreachable port fails fast with E_TARGET_UNREACHABLE and one line naming the endpoint', async () => {
    const port = await freeLoopbackPort();
    const dead = `http://127.0.0.1:${port}/`;
    const t = target({ endpoint: dead });
    const t0 = performance.now();
    const err = await harnessError(t.send('CreateUserPoolClient', {}));
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(err.code).toBe('E_TARGET_UNREACHABLE');
    expect(err.message).toContain(dead);
    expect(err.message).toContain('ECONNREFUSED');
    expect(err.message).not.toContain('\n');
  });

  it('no answer in time is E_TARGET_TIMEOUT, and a create is not sent twice', async () => {
    handler = () => undefined;
    const err = await harnessError(target({ headersTimeoutMs: 150 }).send('CreateUserPoolClient', {}));
    expect(err.code).toBe('E_TARGET_TIMEOUT');
    expect(err.message).toContain('UND_ERR_HEADERS_TIMEOUT');
    expect(seen).toHaveLength(1);
  });

  it('an aborted request is E_INTERRUPTED', async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const pending = target().send('ListUserPools', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await harnessError(pending)).code).toBe('E_INTERRUPTED');
  });
});
