import type fc from 'fast-check';
import { ALLOW_AUTH_FLOWS } from '../contract/memberShapes.js';
import { COGNITO_PROVIDER, requiredWriteAttributes, type PoolContext } from '../contract/poolContext.js';
import { requestMembers } from '../contract/requestMembers.js';
import { TOKENS, type TokenSpec } from '../contract/tokenValidity.js';
import type { RequestBody } from './testCase.js';
import { canonicalRequest } from './canonicalRequest.js';
import { REFRESH_TOKEN_AUTH, withoutRefreshFlow } from './authFlows.js';
import type { OAuthFlowFamily } from './oauthScopes.js';
import { RequestChoices, type ValidRequestOptions } from './requestChoices.js';
import { CLIENT_CREDENTIALS, genome, type Genome, type TokenGene, type ValuePick } from './requestGenome.js';
import { UNIT_CHOICES, acceptsValue, unitAloneInRange, valueBounds, type UnitOrDefault } from './tokenBounds.js';


/**
 * Requests the contract expects to be accepted: `requestViolations(request, pool)` is empty for
 * every one. The arbitrary draws a genome (requestGenome.ts: one independent choice per member)
 * and assembles it with one function per rule family below; each is headed by the rule ids it
 * honours, so a new cross-field rule is one contract entry (contract/semanticRules.ts), one breaker
 * (semanticBreakers.ts), and — when valid requests could break it — a line in the family function
 * that names its members. `grep -rn <rule id> generators/` finds all three.
 *
 * Where the evidence does not settle whether AWS accepts something, valid requests stay on the
 * safe side; each such choice is documented in the family that makes it.
 */
type Draft = Record<string, unknown>;

const FLAG = 'AllowedOAuthFlowsUserPoolClient';
const FLOWS = 'AllowedOAuthFlows';
const SCOPES = 'AllowedOAuthScopes';
const SIP = 'SupportedIdentityProviders';
const CALLBACKS = 'CallbackURLs';
const DEFAULT_REDIRECT = 'DefaultRedirectURI';
const PROPAGATE = 'EnablePropagateAdditionalUserContextData';
const CALLBACKS_MAX = requestMembers.CallbackURLs.length!.max!;
const ROTATION = requestMembers.RefreshTokenRotation.members!;
const ROTATION_ENABLED = 'ENABLED';
const ROTATION_DISABLED = 'DISABLED';
for (const v of [ROTATION_ENABLED, ROTATION_DISABLED]) {
  if (!ROTATION.Feature.enum!.includes(v)) throw new Error(`RefreshTokenRotation.Feature lacks ${v}`);
}

/**
 * Rules: user-pool.exists, and the model constraints of the members no cross-field rule touches
 * (ClientName, PreventUserExistenceErrors, EnableTokenRevocation, AuthSessionValidity). The genome
 * draws each within its model bounds; ClientName keeps non-space first and last characters.
 */
function plainMembers(out: Draft, g: Genome, pool: PoolContext, c: RequestChoices): void {
  out.UserPoolId = c.pick('UserPoolId', pool.userPoolId);
  out.ClientName = c.pick('ClientName', g.clientName);
  out.PreventUserExistenceErrors = c.pick('PreventUserExistenceErrors', g.prevent);
  out.EnableTokenRevocation = c.pick('EnableTokenRevocation', g.revocation);
  out.AuthSessionValidity = c.pick('AuthSessionValidity', g.authSession);
}

/**
 * Rules: client-secret.not-with-generate-secret. ClientSecret goes only when GenerateSecret is not
 * true; when the caller forces both, the one it did not force gives way. Returns whether the
 * client has a secret (what the secret-only rules ask).
 */
function secretMembers(out: Draft, g: Genome, c: RequestChoices): boolean {
  let generate = c.pick('GenerateSecret', g.secret.GenerateSecret);
  let custom = c.pick('ClientSecret', g.secret.ClientSecret);
  if (generate === true && custom !== undefined) {
    if (!c.isSet('ClientSecret')) custom = undefined;
    else if (!c.isSet('GenerateSecret')) generate = false;
  }
  out.GenerateSecret = generate;
  out.ClientSecret = custom;
  return generate === true || custom !== undefined;
}

function valueFor(t: TokenSpec, unit: UnitOrDefault, pick: ValuePick): number {
  const b = valueBounds(t, unit);
  if (pick === 'zero') return acceptsValue(t, unit, 0) ? 0 : b.min;
  if (pick === 'min') return b.min;
  if (pick === 'max') return b.max;
  return b.min + (pick % (b.max - b.min + 1));
}

function resolveToken(t: TokenSpec, gene: TokenGene, c: RequestChoices): { value?: number; unit?: UnitOrDefault } {
  const unitPath = `TokenValidityUnits.${t.unitMember}`;
  const unitFixed = c.isSet(unitPath) || c.isOmitted(unitPath);
  const fixedUnit = c.isSet(unitPath) ? (c.setValue(unitPath) as UnitOrDefault) : undefined;
  if (c.isSet(t.valueMember)) {
    const v = c.setValue(t.valueMember) as number;
    if (unitFixed) return { value: v, unit: fixedUnit };
    const preferred = gene.mode === 'absent' ? undefined : gene.unit;
    const unit = [preferred, ...UNIT_CHOICES].find((u) => acceptsValue(t, u, v));
    return { value: v, unit };
  }
  // When the caller leaves the value out (a default.* rule), no unit is sent on its own either:
  // what a lone unit does to the returned default is not known.
  if (c.isOmitted(t.valueMember)) return unitFixed ? { unit: fixedUnit } : {};
  if (unitFixed) {
    if (gene.mode === 'absent' && (fixedUnit === undefined || unitAloneInRange(t, fixedUnit))) return { unit: fixedUnit };
    if (gene.mode === 'unit-only' && fixedUnit !== undefined && unitAloneInRange(t, fixedUnit)) return { unit: fixedUnit };
    return { value: valueFor(t, fixedUnit, gene.mode === 'value' ? gene.pick : 'min'), unit: fixedUnit };
  }
  switch (gene.mode) {
    case 'absent':
      return {};
    case 'unit-only':
      return { unit: gene.unit };
    case 'value':
      return { value: valueFor(t, gene.unit, gene.pick), unit: gene.unit };
  }
}

/**
 * Rules: token-validity.access.range, token-validity.id.range, token-validity.refresh.range,
 * token-validity.default-units, token-validity.unit-without-value,
 * refresh-token-validity.zero-means-default.
 * Each value lies in its unit's allowed duration (tokenBounds.ts); RefreshTokenValidity 0 goes only
 * without a unit or in days; a unit alone only where the default value stays in range, and never
 * when the caller leaves the value out. No empty TokenValidityUnits `{}`: the evidence shows it on
 * output only.
 */
function tokenValidities(out: Draft, g: Genome, c: RequestChoices): void {
  const units: Record<string, unknown> = {};
  TOKENS.forEach((t, i) => {
    const r = resolveToken(t, g.tokens[i], c);
    out[t.valueMember] = r.value;
    if (r.unit !== undefined) units[t.unitMember] = r.unit;
  });
  out.TokenValidityUnits = Object.hasOwn(c.set, 'TokenValidityUnits') ? c.set.TokenValidityUnits : Object.keys(units).length ? units : undefined;
}

/** An ALLOW_* list without ALLOW_REFRESH_TOKEN_AUTH: the only explicit flows rotation is seen with. */
function isAllowListWithoutRefresh(flows: readonly string[]): boolean {
  return flows.length > 0 && flows.every((f) => (ALLOW_AUTH_FLOWS as readonly string[]).includes(f)) && !flows.includes(REFRESH_TOKEN_AUTH);
}

/**
 * Rules: explicit-auth-flows.no-legacy-mix (the genome draws legacy-only or ALLOW_*-only lists),
 * explicit-auth-flows.refresh-token-auth-optional (ALLOW_* lists come with ALLOW_REFRESH_TOKEN_AUTH
 * and without it).
 * RefreshTokenRotation ENABLED only when ExplicitAuthFlows is omitted or an ALLOW_* list without
 * ALLOW_REFRESH_TOKEN_AUTH: rotation does not work with REFRESH_TOKEN_AUTH (src.devGuideRefresh),
 * real AWS created a rotating client with ["ALLOW_USER_SRP_AUTH"] (src.refreshOptional2026), and
 * rotation with legacy flows or an empty list has no source. RetryGracePeriodSeconds goes only with
 * ENABLED (its documentation describes it for rotation).
 */
function authFlowsAndRotation(out: Draft, g: Genome, c: RequestChoices): void {
  const drawn = g.explicitAuthFlows && g.dropRefreshFlow ? withoutRefreshFlow(g.explicitAuthFlows) : g.explicitAuthFlows;
  const authFlows = c.pick('ExplicitAuthFlows', drawn);
  out.ExplicitAuthFlows = authFlows;
  let rotation = c.pick<Record<string, unknown> | undefined>(
    'RefreshTokenRotation',
    g.rotation && (g.rotation.feature === ROTATION_ENABLED && g.rotation.grace !== undefined
      ? { Feature: ROTATION_ENABLED, RetryGracePeriodSeconds: g.rotation.grace }
      : { Feature: g.rotation.feature }),
  );
  const rotationFits = authFlows === undefined || (Array.isArray(authFlows) && isAllowListWithoutRefresh(authFlows));
  if (!c.isSet('RefreshTokenRotation') && rotation?.Feature === ROTATION_ENABLED && !rotationFits) rotation = { Feature: ROTATION_DISABLED };
  out.RefreshTokenRotation = rotation;
}

function withCognito(providers: readonly string[]): string[] {
  return providers.includes(COGNITO_PROVIDER) ? [...providers] : [COGNITO_PROVIDER, ...providers];
}

/**
 * Rules: oauth.flag-needs-flows-and-scopes, oauth.client-credentials.needs-secret,
 * oauth.client-credentials.exclusive, oauth.client-credentials.no-openid,
 * oauth.code-implicit.need-callback, oauth.scopes.exist, supported-identity-providers.exist.
 * AllowedOAuthFlowsUserPoolClient is true exactly when flows and scopes are non-empty, and then
 * SupportedIdentityProviders includes COGNITO (the flag's documentation: it "must be true before
 * you can configure" flows and scopes; whether flows are accepted with the flag false is open).
 * code/implicit come with a callback URL; client_credentials comes alone, with a secret, and with
 * resource-server scopes only (oauthScopes.ts). With OAuth off, SupportedIdentityProviders and the
 * URLs may still come: real AWS accepted URLs with the flag omitted (TF-T urls_utf8), and the flag's
 * documentation does not name SupportedIdentityProviders. Returns the callback URLs, which
 * code/implicit may have had to add to.
 */
function oauthMembers(out: Draft, g: Genome, c: RequestChoices, hasSecret: boolean): string[] | undefined {
  let callbacks = c.pick(CALLBACKS, g.callbacks) as string[] | undefined;
  const flagSet = c.isSet(FLAG) ? c.setValue(FLAG) : undefined;
  const flowsSet = c.isSet(FLOWS) ? (c.setValue(FLOWS) as string[]) : undefined;
  const scopesSet = c.isSet(SCOPES) ? (c.setValue(SCOPES) as string[]) : undefined;
  const canEnable = !c.isOmitted(FLAG) && flagSet !== false && !c.isOmitted(FLOWS) && !c.isOmitted(SCOPES) && !c.isOmitted(SIP)
    && flowsSet?.length !== 0 && scopesSet?.length !== 0;
  const forcedOn = flagSet === true || (flowsSet?.length ?? 0) > 0 || (scopesSet?.length ?? 0) > 0;
  let family: OAuthFlowFamily | undefined;
  if ((forcedOn || g.oauth.enabled) && canEnable) {
    const ccOk = hasSecret && (scopesSet ?? g.oauth.ccScopes) !== undefined;
    // Unless the caller forces OAuth on, code/implicit only go with callback URLs the genome chose
    // anyway: turning OAuth off while shrinking then leaves the URLs in place.
    const ciOk = !c.isOmitted(CALLBACKS) && !(c.isSet(CALLBACKS) && !callbacks?.length) && (forcedOn || (callbacks?.length ?? 0) > 0);
    if (flowsSet) family = flowsSet.includes(CLIENT_CREDENTIALS) ? 'client-credentials' : 'code-implicit';
    else if (g.oauth.family === 'client-credentials' && ccOk) family = 'client-credentials';
    else if (ciOk) family = 'code-implicit';
    else if (ccOk) family = 'client-credentials';
  }
  if (family) {
    out[FLAG] = flagSet ?? true;
    out[FLOWS] = flowsSet ?? (family === 'client-credentials' ? [CLIENT_CREDENTIALS] : g.oauth.codeImplicit);
    out[SCOPES] = scopesSet ?? (family === 'client-credentials' ? g.oauth.ccScopes : g.oauth.scopes);
    out[SIP] = c.isSet(SIP) ? c.setValue(SIP) : withCognito(g.providers ?? []);
    if (family === 'code-implicit' && !c.isSet(CALLBACKS) && !callbacks?.length) callbacks = [g.spareCallback];
  } else {
    // OAuth off: the flag false or absent, flows and scopes absent or empty (TF-T emptySets).
    out[FLAG] = c.pick(FLAG, g.oauth.flagWhenOff ? false : undefined);
    out[FLOWS] = c.pick(FLOWS, g.oauth.emptyListsWhenOff ? [] : undefined);
    out[SCOPES] = c.pick(SCOPES, g.oauth.emptyListsWhenOff ? [] : undefined);
    out[SIP] = c.pick(SIP, g.providers);
    if (out[FLAG] === true) {
      throw new Error('validRequest: the options force AllowedOAuthFlowsUserPoolClient true but leave no valid flows and scopes (oauth.flag-needs-flows-and-scopes)');
    }
  }
  return callbacks;
}

function withUrl(urls: readonly string[], url: string, max: number): string[] {
  if (urls.includes(url)) return [...urls];
  return urls.length < max ? [...urls, url] : [...urls.slice(0, max - 1), url];
}

/**
 * Rules: default-redirect-uri.in-callback-urls, callback-urls.absolute, callback-urls.no-fragment,
 * callback-urls.https-except-loopback, logout-urls.same-rules-as-callback.
 * Every URL the genome draws satisfies the URL rules (redirectUrl.ts: ASCII hosts, non-ASCII paths,
 * loopback http only on the three documented hosts); DefaultRedirectURI is one of CallbackURLs,
 * which take a forced one in. Lists never repeat an element (output.lists-as-sets).
 */
function redirectUrls(out: Draft, g: Genome, c: RequestChoices, callbacks: string[] | undefined): void {
  let defaultRedirect: unknown;
  let urls = callbacks;
  if (c.isSet(DEFAULT_REDIRECT)) {
    defaultRedirect = c.setValue(DEFAULT_REDIRECT);
    if (typeof defaultRedirect === 'string' && !c.isSet(CALLBACKS) && !c.isOmitted(CALLBACKS)) {
      urls = withUrl(urls ?? [], defaultRedirect, CALLBACKS_MAX);
    }
  } else if (!c.isOmitted(DEFAULT_REDIRECT) && g.defaultRedirect !== undefined && urls?.length) {
    defaultRedirect = urls[g.defaultRedirect % urls.length];
  }
  out[CALLBACKS] = urls;
  out[DEFAULT_REDIRECT] = defaultRedirect;
  out.LogoutURLs = c.pick('LogoutURLs', g.logout);
}

/** `list` with the missing ones of `extra` appended. */
function withAll(list: readonly string[], extra: readonly string[]): string[] {
  return [...list, ...extra.filter((a) => !list.includes(a))];
}

/**
 * Rules: read-attributes.exist, write-attributes.exist-and-writable.
 * Read attributes are the pool's (standard or custom); write attributes its writable ones (no
 * immutable custom attribute, no *_verified flag: whether a client may write those is open), and a
 * WriteAttributes list holds every required attribute of the pool. WriteAttributes ⊆
 * ReadAttributes when ReadAttributes is given (a client that may write what it may not read has no
 * source either way), so the required attributes join a drawn ReadAttributes list too; when the
 * caller forces a ReadAttributes list without them, no WriteAttributes list is sent.
 */
function attributeMembers(out: Draft, g: Genome, pool: PoolContext, c: RequestChoices): void {
  const required = requiredWriteAttributes(pool);
  let read = c.pick('ReadAttributes', g.readAttributes);
  let write = c.pick('WriteAttributes', g.writeAttributes);
  if (Array.isArray(write) && !c.isSet('WriteAttributes')) {
    write = withAll(write, required);
    if (Array.isArray(read)) {
      if (!c.isSet('ReadAttributes')) read = withAll(read, required);
      const readable = read;
      write = write.filter((a) => readable.includes(a));
      if (required.some((a) => !readable.includes(a))) write = undefined;
    }
  }
  out.ReadAttributes = read;
  out.WriteAttributes = write;
}

/**
 * Rules: analytics.application-id-or-arn, analytics.application-id-needs-role-and-external-id.
 * ApplicationArn alone, or ApplicationId with RoleArn and ExternalId, naming the pool's own
 * Pinpoint project.
 */
function analyticsMember(out: Draft, g: Genome, pool: PoolContext, c: RequestChoices): void {
  const a = pool.analytics;
  out.AnalyticsConfiguration = c.pick(
    'AnalyticsConfiguration',
    a && g.analytics
      ? {
        ...(g.analytics.byArn ? { ApplicationArn: a.applicationArn } : { ApplicationId: a.applicationId, RoleArn: a.roleArn, ExternalId: a.externalId }),
        ...(g.analytics.userDataShared === undefined ? {} : { UserDataShared: g.analytics.userDataShared }),
      }
      : undefined,
  );
}

/** Rules: propagate-user-context.needs-secret. EnablePropagateAdditionalUserContextData true only with a secret. */
function propagateMember(out: Draft, g: Genome, c: RequestChoices, hasSecret: boolean): void {
  let propagate = c.pick(PROPAGATE, g.propagate);
  if (propagate === true && !hasSecret && !c.isSet(PROPAGATE)) propagate = false;
  out[PROPAGATE] = propagate;
}

function assemble(g: Genome, pool: PoolContext, c: RequestChoices): RequestBody {
  const out: Draft = {};
  plainMembers(out, g, pool, c);
  const hasSecret = secretMembers(out, g, c);
  tokenValidities(out, g, c);
  authFlowsAndRotation(out, g, c);
  const callbacks = oauthMembers(out, g, c, hasSecret);
  redirectUrls(out, g, c, callbacks);
  attributeMembers(out, g, pool, c);
  analyticsMember(out, g, pool, c);
  propagateMember(out, g, c, hasSecret);
  c.applyStructurePaths(out);
  return canonicalRequest(out);
}

export function validRequest(pool: PoolContext, options: ValidRequestOptions = {}): fc.Arbitrary<RequestBody> {
  const choices = new RequestChoices(options);
  return genome(pool).map((g) => assemble(g, pool, choices));
}
