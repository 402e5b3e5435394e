import { Pool } from 'undici';
import { parseAwsJsonError } from './awsJsonError.js';
import type { Exchange, Target, TargetInfo } from '../exchange.js';
import { isSuccessStatus } from '../isSuccessStatus.js';
import { classifyNetworkFailure, TransportFailure } from './networkFailure.js';
import type { RequestSigner } from './sigv4Signer.js';
import type { TransportOptions } from './transportOptions.js';
import { withRetry } from '../pacing/withRetry.js';

/** awsJson1_1 framing of Cognito user pools (model: service shape name and protocol trait). */
export const COGNITO_TARGET_PREFIX = 'AWSCognitoIdentityProviderService';
export const AWS_JSON_1_1 = 'application/x-amz-json-1.1';

/** Requests are POSTed to the endpoint's path. */
export interface HttpTargetOptions extends TransportOptions {
  /** Absent: requests go unsigned. */
  signer?: RequestSigner;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
}

export const HTTP_TARGET_DEFAULTS = {
  connections: 8,
  connectTimeoutMs: 2_500,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
} as const;

/**
 * A Target that speaks awsJson1_1 over undici: it sees the wire as the server wrote it (status,
 * headers, raw body), which is what conformance is judged on.
 */
export function createHttpTarget(options: HttpTargetOptions): Target {
  const url = new URL(options.endpoint);
  const info: TargetInfo = { name: options.name, endpoint: url.href, region: options.region, transport: 'http' };
  const pool = new Pool(url.origin, {
    connections: options.connections ?? HTTP_TARGET_DEFAULTS.connections,
    connect: { timeout: options.connectTimeoutMs ?? HTTP_TARGET_DEFAULTS.connectTimeoutMs },
    headersTimeout: options.headersTimeoutMs ?? HTTP_TARGET_DEFAULTS.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs ?? HTTP_TARGET_DEFAULTS.bodyTimeoutMs,
  });
  const path = url.pathname === '' ? '/' : url.pathname;
  let closing: Promise<void> | undefined;

  async function requestHeaders(operation: string, body: string): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      host: url.host,
      'content-type': AWS_JSON_1_1,
      'x-amz-target': `${COGNITO_TARGET_PREFIX}.${operation}`,
      'user-agent': 'cognito-conformance',
    };
    if (options.signer === undefined) return headers;
    const signed = await options.signer.sign({
      method: 'POST',
      protocol: url.protocol === 'https:' ? 'https:' : 'http:',
      hostname: url.hostname,
      ...(url.port === '' ? {} : { port: Number(url.port) }),
      path,
      headers,
      body,
    });
    return signed;
  }

  async function attemptOnce(operation: string, input: Readonly<Record<string, unknown>>, signal: AbortSignal | undefined, rawBody?: string): Promise<Exchange> {
    const body = rawBody ?? JSON.stringify(input);
    const headers = await requestHeaders(operation, body);
    const t0 = performance.now();
    try {
      const res = await pool.request({ method: 'POST', path, headers, body, ...(signal === undefined ? {} : { signal }) });
      const rawBody = await res.body.text();
      return toExchange(operation, input, res.statusCode, res.headers, rawBody, performance.now() - t0);
    } catch (err) {
      const failure = classifyNetworkFailure(err);
      if (failure === undefined) throw err;
      // undici errors can hold sockets and request state: keep the first line only.
      throw new TransportFailure(failure, err instanceof Error ? err.message.split('\n')[0] : String(err));
    }
  }

  const retryOptions = {
    info,
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.quota === undefined ? {} : { quota: options.quota }),
    ...(options.traffic === undefined ? {} : { traffic: options.traffic }),
  };
  const send = withRetry(attemptOnce, retryOptions);
  // A probe's body that is not JSON (SendOptions.rawBody), through the same quota and retries.
  const sendRaw = (rawBody: string) => withRetry((operation, input, signal) => attemptOnce(operation, input, signal, rawBody), retryOptions);

  return {
    info,
    send: (operation, input, sendOptions) =>
      sendOptions?.rawBody === undefined ? send(operation, input, sendOptions?.signal) : sendRaw(sendOptions.rawBody)(operation, input, sendOptions.signal),
    close() {
      closing ??= pool.close();
      return closing;
    },
  };
}

/** Normalize one HTTP answer. Exported for the SDK transport and for tests. */
export function toExchange(
  operation: string,
  input: Readonly<Record<string, unknown>>,
  status: number,
  rawHeaders: Readonly<Record<string, string | string[] | undefined>>,
  rawBody: string,
  elapsedMs: number,
): Exchange {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const body = parseJson(rawBody);
  const exchange: Exchange = { operation, input, status, headers, body, rawBody, elapsedMs, layer: 'server' };
  if (!isSuccessStatus(status)) {
    const { errorType, errorMessage } = parseAwsJsonError(headers, body);
    if (errorType !== undefined) exchange.errorType = errorType;
    if (errorMessage !== undefined) exchange.errorMessage = errorMessage;
  }
  return exchange;
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

