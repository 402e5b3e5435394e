import { STANDARD_ATTRIBUTES, STANDARD_SCOPES, WRITABLE_STANDARD_ATTRIBUTES, type PoolContext } from '../contract/poolContext.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import type { RecordedExchange } from '../targets/recording/recordedExchange.js';

/**
 * The pool a recorded request is judged against, for the existence rules (the pool itself,
 * attributes, scopes, identity providers, required attributes).
 *
 * What a record's `pool` states is taken as complete for that field; a field it does not state
 * (or a record without `pool`, as most published samples are) is unknown, and an unknown field is
 * assumed so that no existence rule decides against the record on a guess (`assumed: true`):
 * - accepted: the pool held whatever the request names (every attribute, scope and provider
 *   named, nothing required that the request leaves out), so an acceptance never contradicts an
 *   existence rule through what the record does not show;
 * - rejected: the pool held nothing beyond what every pool has (standard attributes and scopes,
 *   COGNITO), may require any standard attribute, and is missing when the error is
 *   ResourceNotFoundException (user-pool.exists). A rejection is then explained by an existence
 *   rule whenever some pool could explain it, which is all a record without the pool can show.
 */
export interface RecordPool {
  pool: PoolContext;
  assumed: boolean;
}

/** A pool id no request can name: the pool does not exist. */
const NO_POOL = '\u0000no pool';

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function errorTypeOf(record: RecordedExchange): string | undefined {
  const body = record.response.body as { __type?: unknown; code?: unknown } | null;
  const raw = record.response.headers?.['x-amzn-errortype'] ?? body?.code ?? body?.__type;
  return typeof raw === 'string' ? raw.split(':')[0].split('#').pop() : undefined;
}

export function poolOfRecord(record: RecordedExchange, request: Readonly<Record<string, unknown>>): RecordPool {
  const requestPoolId = typeof request.UserPoolId === 'string' ? request.UserPoolId : '';
  const p = record.pool ?? {};
  const accepted = isSuccessStatus(record.response.status);
  const standard = new Set<string>([...STANDARD_ATTRIBUTES, 'sub']);
  const standardScopes = new Set<string>(STANDARD_SCOPES);
  const named = [...new Set([...strings(request.ReadAttributes), ...strings(request.WriteAttributes)])];
  let assumed = false;
  const unknown = <T>(value: T): T => {
    assumed = true;
    return value;
  };

  let userPoolId: string;
  if (p.exists === false) userPoolId = NO_POOL;
  // The pool id the record shows may be the request's own masked one: the request's stand-in then.
  else if (p.userPoolId !== undefined && p.userPoolId !== record.request.UserPoolId) userPoolId = p.userPoolId;
  else if (p.exists === true || p.userPoolId !== undefined || accepted) userPoolId = requestPoolId;
  else userPoolId = unknown(errorTypeOf(record) === 'ResourceNotFoundException' ? NO_POOL : requestPoolId);

  const pool: PoolContext = {
    userPoolId,
    customAttributes: p.customAttributes
      ? p.customAttributes.map((a) => ({ name: a.name, mutable: a.mutable, ...(a.required === undefined ? {} : { required: a.required }) }))
      : unknown(accepted ? named.filter((a) => !standard.has(a)).map((name) => ({ name, mutable: true })) : []),
    resourceServerScopes: p.resourceServerScopes ?? unknown(accepted ? strings(request.AllowedOAuthScopes).filter((s) => !standardScopes.has(s)) : []),
    identityProviders: p.identityProviders ?? unknown(accepted ? strings(request.SupportedIdentityProviders) : []),
    requiredAttributes: p.requiredAttributes ?? unknown(accepted ? [] : [...WRITABLE_STANDARD_ATTRIBUTES]),
  };
  return { pool, assumed };
}
