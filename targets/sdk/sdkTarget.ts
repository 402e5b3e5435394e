import { IncomingMessage } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { guarded, type AwsCredentials, type CredentialProvider } from '../aws/credentialSource.js';
import type { Exchange, SdkView, Target, TargetInfo } from '../exchange.js';
import { HarnessError, isHarnessError } from '../harnessError.js';
import { toExchange } from '../transports/httpTarget.js';
import type { LoadedSdk, SdkCommandClass, SdkOutput } from './loadSdk.js';
import { classifyNetworkFailure, TransportFailure, type NetworkFailure } from '../transports/networkFailure.js';
import { clientSecretsInText, scrubSecrets } from '../recording/scrubSecrets.js';
import { classifySdkTransportFailure } from './sdkTransportFailure.js';
import type { TransportOptions } from '../transports/transportOptions.js';
import { withRetry } from '../pacing/withRetry.js';

/** The endpoint is the SDK's endpoint override; connectTimeoutMs its handler's `connectionTimeout`. */
export interface SdkTargetOptions extends TransportOptions {
  /** Signs every request (the SDK always signs); wrapped so that a failure is E_CREDENTIALS. */
  credentials: CredentialProvider;
  /** The SDK handler's `socketTimeout`: the longest silence while waiting for or reading an answer. */
  socketTimeoutMs?: number;
  /** The copy of the SDK to send through (loadSdk.ts): the app's, `--sdk-from`'s, or the tool's own. */
  sdk: LoadedSdk;
}

export const SDK_TARGET_DEFAULTS = {
  connections: 8,
  connectTimeoutMs: 2_500,
  socketTimeoutMs: 30_000,
} as const;

/** The parts of a smithy HttpRequest the capture reads, recognised by shape (any SDK copy's). */
interface WireRequest {
  body?: unknown;
}

/** The parts of a smithy HttpResponse the capture reads and replaces. */
interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
}

function isWireRequest(value: unknown): value is WireRequest {
  return typeof value === 'object' && value !== null && 'method' in value && 'hostname' in value && 'headers' in value;
}

function isWireResponse(value: unknown): value is WireResponse {
  return typeof value === 'object' && value !== null && typeof (value as { statusCode?: unknown }).statusCode === 'number' && typeof (value as { headers?: unknown }).headers === 'object';
}

/** What the wire-capture middleware saw of one attempt. */
interface WireCapture {
  /** When the signed request was handed to the HTTP handler: set means "the SDK tried to send". */
  handedAt?: number;
  requestBody?: string;
  response?: { status: number; headers: Record<string, string | string[]>; rawBody: string; elapsedMs: number };
}

/** The SDK error fields we read; everything else on it (notably `$response`) is left behind. */
interface SdkError {
  name?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/**
 * A Target that sends through `CognitoIdentityProviderClient` from
 * `@aws-sdk/client-cognito-identity-provider`, for SDK-upgrade regression. Each Exchange carries
 * both views: the wire fields (status, headers, raw body, error type) exactly as the HTTP target
 * computes them, captured by a middleware at the SDK's `deserialize` step, and `sdk` (what the SDK
 * user got back).
 *
 * Retries: the SDK's own are off (`maxAttempts: 1`) and the retry every transport shares
 * (withRetry.ts) runs around the SDK instead. The SDK's standard mode would retry 500/502/503/504 and connection resets of every
 * operation, a CreateUserPoolClient included (which can create a second client, and turns the 500
 * an oracle should see into whatever the last attempt got), and it counts LimitExceededException
 * as throttling, which Cognito uses for quota errors that are answers to judge. Our policy retries
 * throttling (TooManyRequestsException, ThrottlingException, 429) with backoff, and connection
 * failures only when nothing can have been created, and it counts attempts in the Exchange.
 *
 * Layer: `server` whenever an HTTP answer came back (even when the SDK then threw, e.g. on a body
 * it cannot parse); `sdk-client` when the SDK threw with no answer and no network failure (bad
 * endpoint, a serializer error): status 0, errorType the SDK error's name. Credentials stay an
 * E_CREDENTIALS harness error, network failures E_TARGET_UNREACHABLE / E_TARGET_TIMEOUT.
 */
export function createSdkTarget(options: SdkTargetOptions): Target {
  const { sdk } = options;
  const sdkVersion = sdk.source.version;
  const info: TargetInfo = {
    name: options.name, endpoint: displayEndpoint(options.endpoint), region: options.region, transport: 'sdk',
    sdkVersion, sdkOrigin: sdk.source.origin,
  };
  const connections = options.connections ?? SDK_TARGET_DEFAULTS.connections;
  const connectTimeoutMs = options.connectTimeoutMs ?? SDK_TARGET_DEFAULTS.connectTimeoutMs;
  const socketTimeoutMs = options.socketTimeoutMs ?? SDK_TARGET_DEFAULTS.socketTimeoutMs;
  // The handler starts its connect timer when the request is created, not when the agent gives it
  // a socket: a request queued behind busy sockets would time out without ever connecting. So no
  // more requests go in than there are sockets.
  const gate = createGate(connections);
  const credentialStrings = new Set<string>();
  const provider = guarded(options.credentials);
  // The handler's settings as a plain object, never a handler built here: the client builds its own
  // from its own dependencies (this is what sets the floor, sdkFloor.ts).
  const client = new sdk.Client({
    endpoint: options.endpoint,
    region: options.region,
    // A fresh object each time: releases since about 3.7xx record the credentials' source on the
    // object they are given (`$source`), which fails on a frozen one ("Cannot add property $source,
    // object is not extensible", seen with 3.787.0 and 3.794.0).
    credentials: async () => ({ ...remember(await provider()) }),
    maxAttempts: 1,
    // Pinned, not read from AWS_RETRY_MODE or the config file: "adaptive" would add the SDK's own
    // client-side rate limiting after throttling answers, on top of ours.
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: connectTimeoutMs,
      socketTimeout: socketTimeoutMs,
      httpAgent: { keepAlive: true, maxSockets: connections },
      httpsAgent: { keepAlive: true, maxSockets: connections },
    },
  });
  let inFlight = 0;
  let idle: (() => void) | undefined;
  let closing: Promise<void> | undefined;

  function remember(creds: AwsCredentials): AwsCredentials {
    for (const s of [creds.accessKeyId, creds.secretAccessKey, creds.sessionToken]) if (s) credentialStrings.add(s);
    return creds;
  }

  async function attemptOnce(operation: string, Command: SdkCommandClass, input: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<Exchange> {
    const capture: WireCapture = {};
    const command = new Command(input);
    command.middlewareStack.add(
      (next) => async (args) => {
        capture.handedAt = performance.now();
        if (isWireRequest(args.request)) {
          const body = requestBodyText(args.request.body);
          if (body !== undefined) capture.requestBody = body;
        }
        const result = await next(args);
        const response = result.response;
        if (isWireResponse(response)) {
          const headers = wireHeaders(response);
          const bytes = await readAll(response.body);
          // The SDK reads the body after us: hand it a fresh stream of the same bytes.
          response.body = new PassThrough().end(bytes);
          capture.response = { status: response.statusCode, headers, rawBody: bytes.toString('utf8'), elapsedMs: performance.now() - capture.handedAt };
        }
        return result;
      },
      // Low priority inside the deserialize step runs after (inside) the SDK's deserializer, so the
      // response is seen raw, once per attempt, after signing. On the command's own stack, which
      // the client concatenates with its stack at send time, so each send has its own capture.
      { step: 'deserialize', priority: 'low', name: 'conformanceWireCapture' },
    );
    const t0 = performance.now();
    let output: SdkOutput;
    try {
      output = await client.send(command, signal === undefined ? {} : { abortSignal: signal });
    } catch (err) {
      if (isHarnessError(err)) throw err;
      const secrets = [...credentialStrings, ...secretsOf(input, capture)];
      const view = withRequestBody(sdkErrorView(err, secrets), capture);
      const exchange = serverExchange(operation, input, capture);
      if (exchange !== undefined) return { ...exchange, sdk: view };
      const failure =
        capture.handedAt === undefined
          ? networkOnly(err)
          : classifySdkTransportFailure(err, { sinceHandedMs: performance.now() - capture.handedAt, connectTimeoutMs, socketTimeoutMs });
      if (failure !== undefined) throw new TransportFailure(failure, scrubSecrets(firstLineOf(err), secrets));
      return sdkClientExchange(operation, input, view, performance.now() - t0);
    }
    const exchange = serverExchange(operation, input, capture);
    // Only a custom request handler that answers without HTTP could get here; ours cannot.
    if (exchange === undefined) throw new Error(`${operation}: the SDK returned an output without an HTTP response`);
    const { $metadata, ...rest } = output;
    return { ...exchange, sdk: withRequestBody({ output: jsonSafe(rest), ...statusField($metadata.httpStatusCode) }, capture) };
  }

  async function send(operation: string, input: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<Exchange> {
    if (closing !== undefined) {
      throw new HarnessError('E_TARGET_UNREACHABLE', `${operation}: ${info.name} at ${info.endpoint}: the target was closed`);
    }
    const Command = sdk.commandClass(operation);
    if (Command === undefined) {
      // The name unsupportedOperation.ts knows, so the suite says "skipped: target lacks X".
      const message = `@aws-sdk/client-cognito-identity-provider ${sdkVersion} has no ${operation}Command`;
      return sdkClientExchange(operation, input, { errorName: 'UnknownOperation', errorMessage: message }, 0);
    }
    return retrying(operation, input, signal);
  }

  /** One attempt, no more requests in flight than sockets (see `gate`). */
  async function gatedAttempt(operation: string, input: Readonly<Record<string, unknown>>, signal: AbortSignal | undefined): Promise<Exchange> {
    await gate.acquire();
    try {
      // send() has checked that the installed SDK has the command.
      return await attemptOnce(operation, sdk.commandClass(operation) as SdkCommandClass, input, signal);
    } finally {
      gate.release();
    }
  }
  const retrying = withRetry(gatedAttempt, {
    info,
    via: ' through the AWS SDK',
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.quota === undefined ? {} : { quota: options.quota }),
    ...(options.traffic === undefined ? {} : { traffic: options.traffic }),
  });

  return {
    info,
    async send(operation, input, sendOptions) {
      inFlight++;
      try {
        return await send(operation, input, sendOptions?.signal);
      } finally {
        inFlight--;
        if (inFlight === 0) idle?.();
      }
    },
    close() {
      // Like the HTTP target's pool: let requests in flight finish, then close the sockets.
      closing ??= (async () => {
        if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
        client.destroy();
      })();
      return closing;
    },
  };
}

function serverExchange(operation: string, input: Readonly<Record<string, unknown>>, capture: WireCapture): Exchange | undefined {
  const r = capture.response;
  if (r === undefined) return undefined;
  return toExchange(operation, input, r.status, r.headers, r.rawBody, r.elapsedMs);
}

/** The SDK refused or failed before any answer came: status 0, and the SDK error's name as type. */
function sdkClientExchange(operation: string, input: Readonly<Record<string, unknown>>, view: SdkView, elapsedMs: number): Exchange {
  const exchange: Exchange = { operation, input, status: 0, headers: {}, body: undefined, rawBody: '', elapsedMs, attempts: 1, layer: 'sdk-client', sdk: view };
  if (view.errorName !== undefined) exchange.errorType = view.errorName;
  if (view.errorMessage !== undefined) exchange.errorMessage = view.errorMessage;
  return exchange;
}

function sdkErrorView(err: unknown, secrets: readonly string[]): SdkView {
  const e: SdkError = typeof err === 'object' && err !== null ? (err as SdkError) : {};
  const view: SdkView = {};
  view.errorName = typeof e.name === 'string' && e.name !== '' ? e.name : 'Error';
  const message = scrubSecrets(firstLineOf(err), secrets);
  if (message !== '') view.errorMessage = message;
  if (e.$fault === 'client' || e.$fault === 'server') view.errorFault = e.$fault;
  return { ...view, ...statusField(e.$metadata?.httpStatusCode) };
}

function withRequestBody(view: SdkView, capture: WireCapture): SdkView {
  return capture.requestBody === undefined ? view : { ...view, requestBody: capture.requestBody };
}

function statusField(status: unknown): Pick<SdkView, 'httpStatusCode'> {
  return typeof status === 'number' ? { httpStatusCode: status } : {};
}

/** ClientSecret values that could surface in an SDK message: in the input and in the raw answer. */
function secretsOf(input: Readonly<Record<string, unknown>>, capture: WireCapture): string[] {
  const out: string[] = [];
  if (typeof input.ClientSecret === 'string') out.push(input.ClientSecret);
  if (capture.response !== undefined) out.push(...clientSecretsInText(capture.response.rawBody));
  return out;
}

/** Before the handler only an abort is a transport matter; anything else is the SDK refusing. */
function networkOnly(err: unknown): NetworkFailure | undefined {
  const f = classifyNetworkFailure(err);
  return f?.code === 'E_INTERRUPTED' ? f : undefined;
}

/** Response headers as they came: from Node's raw list (duplicates kept) when the body is Node's message. */
function wireHeaders(response: WireResponse): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (response.body instanceof IncomingMessage) {
    const raw = response.body.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i].toLowerCase();
      const prev = out[name];
      out[name] = prev === undefined ? raw[i + 1] : [...(Array.isArray(prev) ? prev : [prev]), raw[i + 1]];
    }
    return out;
  }
  for (const [name, value] of Object.entries(response.headers)) out[name.toLowerCase()] = value;
  return out;
}

/** The serialized request body: a string, or (this SDK's JSON codec) a Uint8Array of UTF-8. */
function requestBodyText(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return undefined;
}

async function readAll(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }
  throw new TypeError(`unexpected response body type ${Object.prototype.toString.call(body)}`);
}

/**
 * The SDK's output as JSON: Dates become ISO-8601 strings (so the view can be compared, stored
 * and diffed like the wire body), undefined members are dropped, byte arrays become base64.
 */
function jsonSafe(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = jsonSafe(v);
    return out;
  }
  return value;
}

function firstLineOf(err: unknown): string {
  const text = err instanceof Error ? err.message : typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err);
  return (text.split('\n')[0] ?? '').slice(0, 300);
}

function displayEndpoint(endpoint: string): string {
  try {
    return new URL(endpoint).href;
  } catch {
    return endpoint;
  }
}

/** At most `limit` holders at once; a release hands the slot straight to the next waiter. */
function createGate(limit: number): { acquire(): Promise<void>; release(): void } {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async acquire() {
      if (active < limit) {
        active++;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    release() {
      const next = waiting.shift();
      if (next === undefined) active--;
      else next();
    },
  };
}


