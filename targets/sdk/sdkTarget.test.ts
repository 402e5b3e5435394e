import { fileURLToPath } from 'node:url';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCleanupRegistry } from '../pool/cleanupRegistry.js';
import { DUMMY_CREDENTIALS, type CredentialProvider } from '../aws/credentialSource.js';
import { startEmbeddedCognitoLocal } from '../emulator/embeddedCognitoLocal.js';
import type { Exchange, Target } from '../exchange.js';
import { freeLoopbackPort } from '../emulator/freeLoopbackPort.js';
import { HarnessError } from '../harnessError.js';
import { createHttpTarget } from '../transports/httpTarget.js';
import { createQuotaLimiter } from '../pacing/quotaLimiter.js';
import { MIN_SCRUBBED_FRAGMENT } from '../recording/scrubSecrets.js';
import { loadSdk, type LoadedSdk } from './loadSdk.js';
import { SDK_FLOOR } from './sdkFloor.js';
import { resolveSdkSource } from './sdkSource.js';
import { createSdkTarget, type SdkTargetOptions } from './sdkTarget.js';
import { createSigV4Signer } from '../transports/sigv4Signer.js';
import { isUnsupportedOperation } from '../transports/unsupportedOperation.js';

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string, n: number) => void;

const CLIENT_SECRET = 'k3q9v0b7x1m2n8c4z6l5j0h2g7f1d3s9a8p6o4i2u0y1t3r5e7w9';
const CREATED = 1_714_000_000.5;

let server: Server;
let endpoint: string;
let handler: Handler;
let seen: Seen[] = [];
let inServer = 0;
let maxInServer = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    inServer++;
    maxInServer = Math.max(maxInServer, inServer);
    res.on('close', () => inServer--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ url: req.url ?? '', headers: req.headers, body });
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

const dummy: CredentialProvider = async () => DUMMY_CREDENTIALS;
const root = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Where two releases differ as SDK users see it, which the SDK view records as it is:
 * `schemaSerde` is the model-driven serializer of the newer releases, which sends only members
 * its model has and attaches the HTTP status to an error about an unparsable body; the floor's
 * generated serializer passes the input through as given and leaves the status off that error.
 */
const SDK_COPIES = [
  { name: "the tool's own copy", source: () => resolveSdkSource({ cwd: root }), schemaSerde: true },
  { name: `the floor, ${SDK_FLOOR}`, source: () => resolveSdkSource({ from: fileURLToPath(new URL('../../node_modules/aws-sdk-cognito-floor', import.meta.url)) }), schemaSerde: false },
];
let sdk: LoadedSdk;
const fastRetry = { throttleBaseDelayMs: 5, connectBaseDelayMs: 5 };

function sdkTarget(extra: Partial<SdkTargetOptions> = {}): Target {
  seen = [];
  const t = createSdkTarget({ name: 'fake', endpoint, region: 'us-east-1', credentials: dummy, retry: fastRetry, sdk, ...extra });
  targets.push(t);
  return t;
}

function httpTarget(): Target {
  const t = createHttpTarget({
    name: 'fake',
    endpoint,
    region: 'us-east-1',
    signer: createSigV4Signer({ region: 'us-east-1', credentials: dummy }),
    retry: fastRetry,
  });
  targets.push(t);
  return t;
}

function reply(status: number, body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amzn-RequestId': 'req-1', ...headers });
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

/** What oracles judge; `date` is left out because the two requests may straddle a second. */
function wire(e: Exchange): Record<string, unknown> {
  const { date: _date, ...headers } = e.headers;
  return { status: e.status, headers, body: e.body, rawBody: e.rawBody, errorType: e.errorType, errorMessage: e.errorMessage, layer: e.layer };
}

/** Send the same call through both transports against the same server answer. */
async function both(operation: string, input: Record<string, unknown>): Promise<{ http: Exchange; sdk: Exchange }> {
  const sdk = await sdkTarget().send(operation, input);
  const http = await httpTarget().send(operation, input);
  return { http, sdk };
}

const CREATE_INPUT = { UserPoolId: 'us-east-1_abcDEF123', ClientName: 'n', GenerateSecret: true };
const CREATED_CLIENT = {
  UserPoolClient: {
    UserPoolId: 'us-east-1_abcDEF123',
    ClientName: 'n',
    ClientId: '26hb0dmvrj8l2ab5b4qeqnmedq',
    ClientSecret: CLIENT_SECRET,
    CreationDate: CREATED,
    LastModifiedDate: CREATED,
    RefreshTokenValidity: 30,
  },
};

/**
 * The same cases through the tool's own copy and through the oldest supported release (the floor,
 * an npm alias in devDependencies): nothing in the transport may depend on which copy it loaded.
 */
describe.each(SDK_COPIES)('with $name', ({ source, schemaSerde }) => {
  beforeAll(async () => {
    sdk = await loadSdk(source());
  });

  describe('createSdkTarget: the wire view equals the HTTP target', () => {
    it('a success: same wire fields, the SDK signs and frames awsJson1_1, and sdk.output has ISO dates', async () => {
      handler = reply(200, JSON.stringify(CREATED_CLIENT));
      const { http, sdk } = await both('CreateUserPoolClient', CREATE_INPUT);
      expect(wire(sdk)).toEqual(wire(http));
      expect(sdk).toMatchObject({ operation: 'CreateUserPoolClient', input: CREATE_INPUT, status: 200, layer: 'server', attempts: 1 });
      expect(sdk.headers['x-amzn-requestid']).toBe('req-1');
      expect(sdk.elapsedMs).toBeGreaterThan(0);
      expect(sdk.sdk).toEqual({
        output: { UserPoolClient: { ...CREATED_CLIENT.UserPoolClient, CreationDate: '2024-04-24T23:06:40.500Z', LastModifiedDate: '2024-04-24T23:06:40.500Z' } },
        httpStatusCode: 200,
        requestBody: JSON.stringify(CREATE_INPUT),
      });
      const sdkRequest = seen[0];
      expect(sdkRequest.url).toBe('/');
      expect(sdkRequest.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.CreateUserPoolClient');
      expect(sdkRequest.headers['content-type']).toBe('application/x-amz-json-1.1');
      expect(sdkRequest.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-1\/cognito-idp\/aws4_request/);
      expect(JSON.parse(sdkRequest.body)).toEqual(CREATE_INPUT);
    });

    it('an error named by __type: same wire fields, and the SDK view names the modeled exception', async () => {
      handler = reply(400, JSON.stringify({ __type: 'InvalidParameterException', message: 'ClientName is too long' }));
      const { http, sdk } = await both('CreateUserPoolClient', CREATE_INPUT);
      expect(wire(sdk)).toEqual(wire(http));
      expect(sdk).toMatchObject({ status: 400, errorType: 'InvalidParameterException', errorMessage: 'ClientName is too long', layer: 'server' });
      expect(sdk.sdk).toMatchObject({ errorName: 'InvalidParameterException', errorMessage: 'ClientName is too long', errorFault: 'client', httpStatusCode: 400 });
      expect(sdk.sdk?.output).toBeUndefined();
    });

    it('a member the SDK does not know: on the wire, absent from sdk.output', async () => {
      const body = { UserPoolClient: { ClientId: 'abc', ClientName: 'n', FutureMember: { x: 1 } }, TopLevelExtra: true };
      handler = reply(200, JSON.stringify(body));
      const { http, sdk } = await both('DescribeUserPoolClient', { UserPoolId: 'us-east-1_abcDEF123', ClientId: 'abc' });
      expect(wire(sdk)).toEqual(wire(http));
      expect(sdk.body).toEqual(body);
      expect(sdk.sdk?.output).toEqual({ UserPoolClient: { ClientId: 'abc', ClientName: 'n' } });
    });

    it('a 500 is answered once per transport (no SDK retry), as a JSON error or as plain text', async () => {
      handler = reply(500, JSON.stringify({ __type: 'InternalErrorException', message: 'oops' }));
      const json = await both('CreateUserPoolClient', CREATE_INPUT);
      expect(wire(json.sdk)).toEqual(wire(json.http));
      expect(json.sdk).toMatchObject({ status: 500, errorType: 'InternalErrorException', attempts: 1 });
      expect(json.sdk.sdk).toMatchObject({ errorName: 'InternalErrorException', errorFault: 'server', httpStatusCode: 500 });

      handler = reply(500, 'Internal Server Error', { 'Content-Type': 'text/plain' });
      const text = await both('CreateUserPoolClient', CREATE_INPUT);
      expect(wire(text.sdk)).toEqual(wire(text.http));
      expect(text.sdk).toMatchObject({ status: 500, rawBody: 'Internal Server Error', body: undefined, attempts: 1, layer: 'server' });
      expect(text.sdk.errorType).toBeUndefined();
      expect(text.sdk.sdk).toMatchObject({ errorName: 'SyntaxError', ...(schemaSerde ? { httpStatusCode: 500 } : {}) });
      expect(text.sdk.sdk?.errorMessage).not.toContain('\n');
      expect(seen).toHaveLength(2);
    });

    it('sdk.requestBody is what the SDK sent: a model-driven SDK drops what its model lacks, the floor sends it as given', async () => {
      handler = reply(200, '{"UserPoolClient":{}}');
      const ex = await sdkTarget().send('CreateUserPoolClient', { UserPoolId: 'us-east-1_abcDEF123', ClientName: 'n', NotAMember: 1 });
      expect(ex.input).toHaveProperty('NotAMember', 1);
      expect(ex.sdk?.requestBody).toBe(schemaSerde ? '{"UserPoolId":"us-east-1_abcDEF123","ClientName":"n"}' : '{"UserPoolId":"us-east-1_abcDEF123","ClientName":"n","NotAMember":1}');
      expect(seen[0].body).toBe(ex.sdk?.requestBody);
    });
  });

  describe('createSdkTarget: retries', () => {
    it('retries throttling with our policy and counts the attempts', async () => {
      handler = (req, res, body, n) =>
        (n < 3 ? reply(400, JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' })) : reply(200, '{"UserPoolClient":{}}'))(req, res, body, n);
      const ex = await sdkTarget().send('CreateUserPoolClient', CREATE_INPUT);
      expect(ex).toMatchObject({ status: 200, attempts: 3 });
      expect(seen).toHaveLength(3);
    });

    it('takes a slot of the shared quota limiter for every attempt, retries included; throttling past the last retry is E_THROTTLED', async () => {
      handler = (req, res, body, n) =>
        (n === 1 ? reply(400, JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' })) : reply(200, '{"UserPoolClient":{}}'))(req, res, body, n);
      const quota = createQuotaLimiter({ rates: { poolWritesPerSecond: 1_000, accountWritesPerSecond: 1_000 } });
      expect(await sdkTarget({ quota }).send('CreateUserPoolClient', CREATE_INPUT)).toMatchObject({ status: 200, attempts: 2 });
      expect(quota.counts()).toMatchObject({ sent: 2, throttled: 1, retried: 1 });
      handler = reply(400, JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }));
      await expect(sdkTarget({ retry: { ...fastRetry, maxThrottleAttempts: 2 } }).send('CreateUserPoolClient', CREATE_INPUT)).rejects.toMatchObject({ code: 'E_THROTTLED' });
      expect(seen).toHaveLength(2);
    });

    it('does not retry LimitExceededException, which the SDK would count as throttling', async () => {
      handler = reply(400, JSON.stringify({ __type: 'LimitExceededException', message: 'too many clients' }));
      const ex = await sdkTarget().send('CreateUserPoolClient', CREATE_INPUT);
      expect(ex).toMatchObject({ status: 400, errorType: 'LimitExceededException', attempts: 1 });
      expect(seen).toHaveLength(1);
    });
  });

  describe('createSdkTarget: the SDK refusing before sending is layer sdk-client', () => {
    it('an endpoint the SDK cannot parse: status 0, no headers, errorType the SDK error name', async () => {
      const ex = await sdkTarget({ endpoint: 'not a url' }).send('ListUserPools', { MaxResults: 1 });
      expect(ex).toMatchObject({ status: 0, headers: {}, rawBody: '', layer: 'sdk-client', errorType: 'TypeError', attempts: 1 });
      expect(ex.sdk?.errorName).toBe('TypeError');
      expect(seen).toHaveLength(0);
    });

    it('input the serializer throws on: sdk-client, nothing sent', async () => {
      const input: Record<string, unknown> = { UserPoolId: 'us-east-1_abcDEF123' };
      Object.defineProperty(input, 'ClientName', { enumerable: true, get: () => { throw new RangeError('unserializable'); } });
      const ex = await sdkTarget().send('CreateUserPoolClient', input);
      expect(ex).toMatchObject({ status: 0, layer: 'sdk-client', errorType: 'RangeError', errorMessage: 'unserializable' });
      expect(seen).toHaveLength(0);
    });

    it('an operation the installed SDK lacks reads as "target lacks it", not a crash', async () => {
      const ex = await sdkTarget().send('FrobnicateUserPool', {});
      expect(ex).toMatchObject({ status: 0, layer: 'sdk-client', errorType: 'UnknownOperation' });
      expect(isUnsupportedOperation(ex)).toBe(true);
    });

  });

  describe('createSdkTarget: harness errors', () => {
    it('an unreachable port is E_TARGET_UNREACHABLE in one line, well within 10 s', async () => {
      const port = await freeLoopbackPort();
      const t0 = performance.now();
      const err = await harnessError(sdkTarget({ endpoint: `http://127.0.0.1:${port}/` }).send('CreateUserPoolClient', CREATE_INPUT));
      const ms = performance.now() - t0;
      expect(err.code).toBe('E_TARGET_UNREACHABLE');
      expect(err.message).toMatch(new RegExp(`^CreateUserPoolClient: cannot reach fake at http://127\\.0\\.0\\.1:${port}/ through the AWS SDK: connection refused \\(ECONNREFUSED\\) after 3 attempts`));
      expect(err.message).not.toContain('\n');
      expect(ms).toBeLessThan(10_000);
    });

    it('a server that never answers is E_TARGET_TIMEOUT, and a create is not sent twice', async () => {
      handler = () => undefined;
      const err = await harnessError(sdkTarget({ socketTimeoutMs: 300, connectTimeoutMs: 200 }).send('CreateUserPoolClient', CREATE_INPUT));
      expect(err.code).toBe('E_TARGET_TIMEOUT');
      expect(err.message).toContain('no answer for 300 ms (TimeoutError) after 1 attempt');
      expect(seen).toHaveLength(1);
      server.closeAllConnections();
    });

    it('credentials that cannot be had are E_CREDENTIALS, and nothing is sent', async () => {
      const failing: CredentialProvider = async () => {
        throw new Error('Could not load credentials from any providers');
      };
      const err = await harnessError(sdkTarget({ credentials: failing }).send('ListUserPools', { MaxResults: 1 }));
      expect(err.code).toBe('E_CREDENTIALS');
      expect(seen).toHaveLength(0);
    });

    it('an aborted send is E_INTERRUPTED', async () => {
      handler = () => undefined;
      const controller = new AbortController();
      const pending = sdkTarget().send('ListUserPools', { MaxResults: 1 }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      expect((await harnessError(pending)).code).toBe('E_INTERRUPTED');
      server.closeAllConnections();
    });

    it('after close(), a send is E_TARGET_UNREACHABLE; close() waits for sends in flight', async () => {
      handler = (req, res, body, n) => setTimeout(() => reply(200, '{"UserPools":[]}')(req, res, body, n), 100);
      const t = sdkTarget();
      const inFlight = t.send('ListUserPools', { MaxResults: 1 });
      await new Promise((r) => setTimeout(r, 20));
      await t.close();
      expect((await inFlight).status).toBe(200);
      expect((await harnessError(t.send('ListUserPools', { MaxResults: 1 }))).code).toBe('E_TARGET_UNREACHABLE');
    });
  });

  describe('createSdkTarget: secrets stay out of messages', () => {
    function fragments(secret: string): string[] {
      const out: string[] = [];
      for (let i = 0; i + MIN_SCRUBBED_FRAGMENT <= secret.length; i++) out.push(secret.slice(i, i + MIN_SCRUBBED_FRAGMENT));
      return out;
    }

    it('a ClientSecret in a body the SDK cannot parse does not reach sdk.errorMessage', async () => {
      handler = reply(200, `{"UserPoolClient":{"ClientId":"abc","ClientSecret":${CLIENT_SECRET}}}`);
      const ex = await sdkTarget().send('CreateUserPoolClient', CREATE_INPUT);
      expect(ex).toMatchObject({ status: 200, layer: 'server' });
      expect(ex.sdk?.errorName).toBe('SyntaxError');
      expect(ex.sdk?.errorMessage).toMatch(/is not valid JSON/);
      for (const f of fragments(CLIENT_SECRET)) expect(ex.sdk?.errorMessage).not.toContain(f);
    });

    it('AWS keys echoed by a server are scrubbed from sdk.errorMessage; harness messages carry none', async () => {
      const { accessKeyId, secretAccessKey } = DUMMY_CREDENTIALS;
      handler = reply(403, JSON.stringify({ __type: 'UnrecognizedClientException', message: `bad key ${accessKeyId} / ${secretAccessKey}` }));
      const ex = await sdkTarget().send('ListUserPools', { MaxResults: 1 });
      expect(ex.sdk?.errorName).toBe('UnrecognizedClientException');
      expect(ex.sdk?.errorMessage).toBe('bad key <redacted> / <redacted>');

      const port = await freeLoopbackPort();
      const err = await harnessError(sdkTarget({ endpoint: `http://127.0.0.1:${port}/` }).send('ListUserPools', { MaxResults: 1 }));
      const everything = `${err.message} ${String((err.cause as Error | undefined)?.message)}`;
      for (const s of [accessKeyId, secretAccessKey]) expect(everything).not.toContain(s);
      expect(Object.keys(err.cause as object)).toEqual(['code']);
    });
  });

  describe('createSdkTarget: concurrency', () => {
    it('keeps no more requests in flight than connections', async () => {
      handler = (req, res, body, n) => setTimeout(() => reply(200, '{"UserPools":[]}')(req, res, body, n), 50);
      maxInServer = 0;
      const t = sdkTarget({ connections: 2 });
      const results = await Promise.all(Array.from({ length: 6 }, () => t.send('ListUserPools', { MaxResults: 1 })));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(maxInServer).toBeLessThanOrEqual(2);
    });
  });
});

describe('createSdkTarget against the embedded cognito-local', () => {
  it('creates a pool and a client through the SDK; wire and SDK views agree', { timeout: 60_000 }, async () => {
    const registry = createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });
    const emu = await startEmbeddedCognitoLocal({ registry });
    const t = createSdkTarget({ name: 'cognito-local', endpoint: emu.endpoint, region: 'us-east-1', credentials: dummy, sdk: await loadSdk(resolveSdkSource({ cwd: root })) });
    try {
      const pool = await t.send('CreateUserPool', { PoolName: 'sdk-target-test' });
      expect(pool).toMatchObject({ status: 200, layer: 'server' });
      const poolId = (pool.body as { UserPool: { Id: string } }).UserPool.Id;
      expect((pool.sdk?.output as { UserPool: { Id: string } }).UserPool.Id).toBe(poolId);

      const created = await t.send('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'sdk-client', GenerateSecret: true });
      expect(created).toMatchObject({ status: 200, layer: 'server', attempts: 1 });
      const wireClient = (created.body as { UserPoolClient: Record<string, unknown> }).UserPoolClient;
      const sdkClient = (created.sdk?.output as { UserPoolClient: Record<string, unknown> }).UserPoolClient;
      expect(sdkClient.ClientId).toBe(wireClient.ClientId);
      expect(sdkClient.ClientName).toBe('sdk-client');
      expect(sdkClient.CreationDate).toBe(new Date((wireClient.CreationDate as number) * 1000).toISOString());

      const missing = await t.send('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: 'doesnotexist' });
      expect(missing).toMatchObject({ status: 400, errorType: 'ResourceNotFoundException' });
      expect(missing.sdk?.errorName).toBe('ResourceNotFoundException');

      expect((await t.send('DeleteUserPoolClient', { UserPoolId: poolId, ClientId: sdkClient.ClientId })).status).toBe(200);
      expect((await t.send('DeleteUserPool', { UserPoolId: poolId })).status).toBe(200);
    } finally {
      await t.close();
      await emu.stop();
    }
  });
});
