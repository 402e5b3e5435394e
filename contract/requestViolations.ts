import { Ajv, type ErrorObject } from 'ajv';
import { requestMembers } from './requestMembers.js';
import { structureSchema } from './requestSchema.js';
import { modelRuleId, type ConstraintKind } from './ruleIds.js';
import { TOKENS, readToken } from './tokenValidity.js';
import {
  COGNITO_PROVIDER, STANDARD_ATTRIBUTES, STANDARD_SCOPES, WRITABLE_STANDARD_ATTRIBUTES, requiredWriteAttributes, type PoolContext,
} from './poolContext.js';
import { ALLOW_AUTH_FLOWS, LEGACY_AUTH_FLOWS } from './memberShapes.js';

/**
 * The contract's own judge of a request: which rules it breaks, given what exists in the pool.
 * Independent of the generators (they are checked against it).
 *
 * Precedence follows how the service answers: model constraints are validated first (one
 * "N validation errors detected" InvalidParameterException), so when any is broken the
 * cross-field and existence rules are not evaluated; then the pool's existence; then the rest.
 */
export type RequestInput = Readonly<Record<string, unknown>>;

const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
const validateModel = ajv.compile(structureSchema(requestMembers, { closed: true, withRequired: true }));

const KEYWORD: Record<string, ConstraintKind | undefined> = {
  required: 'required', minLength: 'min-length', maxLength: 'max-length', minimum: 'min', maximum: 'max',
  pattern: 'pattern', enum: 'enum', maxItems: 'max-items',
};

/** `/CallbackURLs/3` → `CallbackURLs[]`; `/TokenValidityUnits/AccessToken` → `TokenValidityUnits.AccessToken`. */
function memberPath(instancePath: string): string {
  let out = '';
  for (const part of instancePath.split('/').slice(1)) {
    if (/^\d+$/.test(part)) out += '[]';
    else out += (out ? '.' : '') + part;
  }
  return out;
}

function modelViolations(request: RequestInput): string[] {
  if (validateModel(request)) return [];
  const ids = new Set<string>();
  for (const e of validateModel.errors as ErrorObject[]) {
    const constraint = KEYWORD[e.keyword];
    if (e.keyword === 'additionalProperties') {
      ids.add('contract.unknown-member');
      continue;
    }
    if (!constraint) {
      // A wrong JSON type (a string for an integer): the service answers SerializationException,
      // which no rule of the contract covers.
      ids.add('contract.wrong-type');
      continue;
    }
    const base = memberPath(e.instancePath);
    const path = constraint === 'required'
      ? (base ? `${base}.` : '') + (e.params as { missingProperty: string }).missingProperty
      : base;
    ids.add(modelRuleId(path, constraint));
  }
  // An empty value fails a `+` pattern only because it is empty: the broken rule is the minimum
  // length (AWS lists both constraints in one InvalidParameterException).
  for (const id of [...ids]) {
    if (id.endsWith('min-length')) ids.delete(id.replace(/min-length$/, 'pattern'));
  }
  return [...ids];
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Facts about one redirect URL, after the callback rules (CallbackURLs documentation). */
export function urlFacts(url: string): { absolute: boolean; fragment: boolean; httpsOrLoopback: boolean } {
  const fragment = url.includes('#');
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const webScheme = parsed?.protocol === 'http:' || parsed?.protocol === 'https:';
  const absolute = parsed !== undefined && /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) && (!webScheme || parsed.hostname !== '');
  const httpsOrLoopback = parsed === undefined || parsed.protocol !== 'http:' || ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  return { absolute, fragment, httpsOrLoopback };
}

function urlBroken(url: string): { absolute: boolean; fragment: boolean; https: boolean } {
  const f = urlFacts(url);
  return { absolute: !f.absolute, fragment: f.fragment, https: !f.httpsOrLoopback };
}

export function hasSecret(request: RequestInput): boolean {
  return request.GenerateSecret === true || request.ClientSecret !== undefined;
}

function semanticViolations(request: RequestInput, pool: PoolContext): string[] {
  const out: string[] = [];
  for (const t of TOKENS) {
    const r = readToken(request, t);
    if (r.state === 'value' && !r.inRange) out.push(t.rangeRuleId);
    if (r.state === 'unit-only' && !r.inRange) out.push('token-validity.unit-without-value');
  }

  const flows = strings(request.ExplicitAuthFlows);
  const legacy = flows.some((f) => (LEGACY_AUTH_FLOWS as readonly string[]).includes(f));
  const allow = flows.filter((f) => (ALLOW_AUTH_FLOWS as readonly string[]).includes(f));
  if (legacy && allow.length) out.push('explicit-auth-flows.no-legacy-mix');

  const callbacks = strings(request.CallbackURLs);
  if (typeof request.DefaultRedirectURI === 'string' && !callbacks.includes(request.DefaultRedirectURI)) {
    out.push('default-redirect-uri.in-callback-urls');
  }
  const cb = callbacks.map(urlBroken);
  if (cb.some((b) => b.absolute)) out.push('callback-urls.absolute');
  if (cb.some((b) => b.fragment)) out.push('callback-urls.no-fragment');
  if (cb.some((b) => b.https)) out.push('callback-urls.https-except-loopback');
  if (strings(request.LogoutURLs).map(urlBroken).some((b) => b.absolute || b.fragment || b.https)) {
    out.push('logout-urls.same-rules-as-callback');
  }

  const oauth = strings(request.AllowedOAuthFlows);
  const scopes = strings(request.AllowedOAuthScopes);
  if (request.AllowedOAuthFlowsUserPoolClient === true && (oauth.length === 0 || scopes.length === 0)) out.push('oauth.flag-needs-flows-and-scopes');
  if (oauth.includes('client_credentials')) {
    if (!hasSecret(request)) out.push('oauth.client-credentials.needs-secret');
    if (oauth.includes('code') || oauth.includes('implicit')) out.push('oauth.client-credentials.exclusive');
    if (scopes.includes('openid')) out.push('oauth.client-credentials.no-openid');
  }
  if ((oauth.includes('code') || oauth.includes('implicit')) && callbacks.length === 0) out.push('oauth.code-implicit.need-callback');
  const knownScopes = new Set<string>([...STANDARD_SCOPES, ...pool.resourceServerScopes]);
  if (scopes.some((s) => !knownScopes.has(s))) out.push('oauth.scopes.exist');

  const providers = new Set([COGNITO_PROVIDER, ...pool.identityProviders]);
  if (strings(request.SupportedIdentityProviders).some((p) => !providers.has(p))) out.push('supported-identity-providers.exist');

  const readable = new Set<string>([...STANDARD_ATTRIBUTES, ...pool.customAttributes.map((a) => a.name)]);
  if (strings(request.ReadAttributes).some((a) => !readable.has(a))) out.push('read-attributes.exist');
  const writable = new Set<string>([...WRITABLE_STANDARD_ATTRIBUTES, ...pool.customAttributes.filter((a) => a.mutable).map((a) => a.name)]);
  const write = strings(request.WriteAttributes);
  const lacksRequired = Array.isArray(request.WriteAttributes) && requiredWriteAttributes(pool).some((a) => !write.includes(a));
  if (write.some((a) => !writable.has(a)) || lacksRequired) out.push('write-attributes.exist-and-writable');

  if (request.ClientSecret !== undefined && request.GenerateSecret === true) out.push('client-secret.not-with-generate-secret');
  if (request.EnablePropagateAdditionalUserContextData === true && !hasSecret(request)) out.push('propagate-user-context.needs-secret');

  const ac = request.AnalyticsConfiguration as Record<string, unknown> | undefined;
  if (ac) {
    const byId = ac.ApplicationId !== undefined;
    const byArn = ac.ApplicationArn !== undefined;
    if (byId === byArn) out.push('analytics.application-id-or-arn');
    if (byId && (ac.RoleArn === undefined || ac.ExternalId === undefined)) out.push('analytics.application-id-needs-role-and-external-id');
  }
  return out;
}

/** Rule ids the request breaks; empty means the contract expects it to be accepted. */
export function requestViolations(request: RequestInput, pool: PoolContext): string[] {
  const model = modelViolations(request);
  if (model.length) return model;
  if (request.UserPoolId !== pool.userPoolId) return ['user-pool.exists'];
  return semanticViolations(request, pool);
}
