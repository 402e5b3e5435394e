import { request } from 'undici';
import type { Exchange } from '../targets/exchange.js';
import { isJsonObject } from '../oracles/jsonObject.js';

/**
 * A minimal awsJson1_1 client for the oracle tests: sends one operation to the fake Cognito over
 * undici and normalizes the answer into an Exchange as targets/exchange.ts describes it. The real
 * HTTP target lives in targets/; this one exists so the oracles can be proven without it.
 */
function headerMap(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** awsJson1_1 error type sanitizing: before the first `:`, after the first `#` (smithy aws-json.rst.template). */
function sanitizeErrorType(value: string): string {
  const beforeColon = value.split(':')[0];
  const hash = beforeColon.indexOf('#');
  return hash >= 0 ? beforeColon.slice(hash + 1) : beforeColon;
}

/**
 * `signedFor`: a region to name in an Authorization header's SigV4 credential scope, as a signed
 * request would (the fake reads the region and checks no signature); absent: unsigned.
 * `sentBody`: sent instead of `input` as JSON (the probe of a body that is not JSON).
 */
export async function sendToFake(endpoint: string, operation: string, input: Readonly<Record<string, unknown>>, signedFor?: string, sentBody?: string): Promise<Exchange> {
  const started = performance.now();
  const authorization = signedFor === undefined ? {} : {
    authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/${signedFor}/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`,
  };
  const res = await request(`${endpoint}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`, ...authorization },
    body: sentBody ?? JSON.stringify(input),
  });
  const rawBody = await res.body.text();
  const elapsedMs = performance.now() - started;
  const headers = headerMap(res.headers);
  let body: unknown;
  try {
    body = rawBody.trim() === '' ? undefined : JSON.parse(rawBody);
  } catch {
    body = undefined;
  }
  const exchange: Exchange = { operation, input, status: res.statusCode, headers, body, rawBody, elapsedMs, layer: 'server' };
  if (res.statusCode >= 300) {
    const b = isJsonObject(body) ? body : {};
    const rawType = headers['x-amzn-errortype'] ?? (typeof b.__type === 'string' ? b.__type : typeof b.code === 'string' ? b.code : undefined);
    if (rawType) exchange.errorType = sanitizeErrorType(rawType);
    const message = typeof b.message === 'string' ? b.message : typeof b.Message === 'string' ? b.Message : undefined;
    if (message !== undefined) exchange.errorMessage = message;
  }
  return exchange;
}
