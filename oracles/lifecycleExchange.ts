import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { isJsonObject, type JsonObject } from './jsonObject.js';

/**
 * Reading one recorded exchange of a lifecycle history (targets/recording/recordedExchange.ts): whether it
 * was accepted, the error type it names, the client it answers and the ids it was about. Shared by
 * the lifecycle model and judges, which all read histories the same way.
 */
export function accepted(e: RecordedExchange): boolean {
  return e.layer !== 'sdk-client' && e.response.status >= 200 && e.response.status < 300;
}

/**
 * The error type of a refused exchange, as an awsJson1_1 client reads it: the x-amzn-ErrorType
 * header, else the body's `__type` (or `code`), before any `:` and after any `#`.
 */
export function errorTypeOf(e: RecordedExchange): string | undefined {
  if (accepted(e)) return undefined;
  const body = isJsonObject(e.response.body) ? e.response.body : {};
  const raw = e.response.headers?.['x-amzn-errortype'] ?? (typeof body.__type === 'string' ? body.__type : typeof body.code === 'string' ? body.code : undefined);
  if (raw === undefined) return undefined;
  const beforeColon = raw.split(':')[0] ?? '';
  const hash = beforeColon.indexOf('#');
  return hash >= 0 ? beforeColon.slice(hash + 1) : beforeColon;
}

/** The UserPoolClient an accepted Create, Describe or Update answered, or undefined. */
export function answeredClient(e: RecordedExchange): JsonObject | undefined {
  if (!accepted(e) || !isJsonObject(e.response.body)) return undefined;
  const c = e.response.body.UserPoolClient;
  return isJsonObject(c) ? c : undefined;
}

/** The pool an exchange names (its request's UserPoolId). */
export function poolIdOf(e: RecordedExchange): string | undefined {
  return typeof e.request.UserPoolId === 'string' ? e.request.UserPoolId : undefined;
}

/** The client an exchange is about: the request's ClientId, or for a Create the one it answered. */
export function clientIdOf(e: RecordedExchange): string | undefined {
  if (typeof e.request.ClientId === 'string') return e.request.ClientId;
  const id = e.operation === 'CreateUserPoolClient' ? answeredClient(e)?.ClientId : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** One key per client: ClientIds are unique per pool only as far as the contract says. */
export function clientKey(poolId: string | undefined, clientId: string): string {
  return `${poolId ?? ''}/${clientId}`;
}

/** Milliseconds since the epoch of when the exchange was sent (NaN for a date without a time). */
export function sentAtMs(e: RecordedExchange): number {
  return Date.parse(e.recordedAt);
}
