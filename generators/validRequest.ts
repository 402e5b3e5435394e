import fc from 'fast-check';
import { requestMembers } from '../contract/requestMembers.js';
import { LEGACY_AUTH_FLOWS, OAUTH_FLOWS, TIME_UNITS, type TimeUnit } from '../contract/memberShapes.js';
import { COGNITO_PROVIDER, STANDARD_ATTRIBUTES, WRITABLE_STANDARD_ATTRIBUTES, type PoolContext } from '../contract/poolContext.js';
import { TOKENS, type TokenSpec } from '../contract/tokenValidity.js';
import type { RequestBody } from './testCase.js';
import { intWithBoundaries, sizedList, sizedSubset } from './boundaries.js';
import { boundedString } from './stringOfLength.js';
import { distinctUrls, redirectUrl } from './redirectUrl.js';
import { oauthScopes, type OAuthFlowFamily } from './oauthScopes.js';
import { allowFlowsWithRefresh } from './authFlows.js';
import { canonicalRequest } from './canonicalRequest.js';
import { UNIT_CHOICES, acceptsValue, unitAloneInRange, valueBounds, type UnitOrDefault } from './tokenBounds.js';

/**
 * Requests the contract expects to be accepted: `requestViolations(request, pool)` is empty for
 * every one. The arbitrary draws a "genome" (one independent choice per member, each able to
 * shrink to "absent") and assembles it, resolving the cross-field rules while it does so.
 *
 * Where the evidence does not settle whether AWS accepts something, valid requests stay on the
 * safe side (each choice is documented where it is made):
 * - OAuth: AllowedOAuthFlowsUserPoolClient is true exactly when flows and scopes are non-empty, and
 *   then SupportedIdentityProviders includes COGNITO (its documentation: the flag "must be true
 *   before you can configure" flows and scopes; aws-evidence.md §2 #18 leaves the reverse open);
 *   code/implicit come with a callback URL (oauth.code-implicit.need-callback); client_credentials
 *   comes alone (oauth.client-credentials.exclusive), with a secret, and with resource-server
 *   scopes only (see oauthScopes.ts).
 * - WriteAttributes ⊆ ReadAttributes when ReadAttributes is given (a client that may write what it
 *   may not read has no source either way).
 * - RefreshTokenRotation ENABLED only when ExplicitAuthFlows is omitted: rotation does not work
 *   with REFRESH_TOKEN_AUTH (developer guide, refresh token rotation) while an ALLOW_* list must
 *   contain ALLOW_REFRESH_TOKEN_AUTH (explicit-auth-flows.refresh-token-auth-required).
 *   RetryGracePeriodSeconds goes only with ENABLED (its documentation describes it for rotation).
 * - SupportedIdentityProviders, CallbackURLs, LogoutURLs and DefaultRedirectURI may come without
 *   OAuth: real AWS accepted the URLs with the flag omitted (TF-T urls_utf8, aws-evidence.md §2
 *   #18), and the flag's documentation does not name SupportedIdentityProviders.
 * - Token validities: RefreshTokenValidity 0 only without a unit or in days, a unit alone only
 *   where the default value stays in range, and never when the caller leaves the value out
 *   (tokenBounds.ts, resolveToken below).
 * - Redirect URLs: ASCII hosts, non-ASCII paths, loopback http only on the three documented hosts
 *   (redirectUrl.ts). ClientName: no leading or trailing space (noEdgeSpaces below).
 * - Lists never repeat an element (lists are sets: output.lists-as-sets).
 * - No empty TokenValidityUnits `{}`: the evidence shows it on output only.
 */
export interface ValidRequestOptions {
  /** Member paths never set: top-level names or a structure member (`TokenValidityUnits.RefreshToken`). */
  omit?: readonly string[];
  /** Member paths forced to a value; the rest of the request adapts so that it stays valid. */
  set?: Readonly<Record<string, unknown>>;
}

const FLAG = 'AllowedOAuthFlowsUserPoolClient';
const FLOWS = 'AllowedOAuthFlows';
const SCOPES = 'AllowedOAuthScopes';
const SIP = 'SupportedIdentityProviders';
const CALLBACKS = 'CallbackURLs';
const DEFAULT_REDIRECT = 'DefaultRedirectURI';
const PROPAGATE = 'EnablePropagateAdditionalUserContextData';
const CLIENT_CREDENTIALS = 'client_credentials';
const CODE_IMPLICIT_FLOWS = OAUTH_FLOWS.filter((f) => f !== CLIENT_CREDENTIALS);
const CALLBACKS_MAX = requestMembers.CallbackURLs.length!.max!;
const LOGOUT_MAX = requestMembers.LogoutURLs.length!.max!;
const ROTATION = requestMembers.RefreshTokenRotation.members!;
const ROTATION_ENABLED = 'ENABLED';
const ROTATION_DISABLED = 'DISABLED';
for (const v of [ROTATION_ENABLED, ROTATION_DISABLED]) {
  if (!ROTATION.Feature.enum!.includes(v)) throw new Error(`RefreshTokenRotation.Feature lacks ${v}`);
}

/** Throws on a path the contract does not know, so that a typo in a rule's `when` is loud. */
function checkPath(path: string): void {
  const [top, child, ...more] = path.split('.');
  const node = requestMembers[top];
  if (!node || more.length || (child !== undefined && !node.members?.[child])) throw new Error(`validRequest: unknown member path ${path}`);
}

/** What the caller forces and leaves out, looked up by member path. */
class Choices {
  private readonly omitted: ReadonlySet<string>;
  readonly set: Readonly<Record<string, unknown>>;

  constructor(options: ValidRequestOptions) {
    for (const p of [...(options.omit ?? []), ...Object.keys(options.set ?? {})]) checkPath(p);
    this.omitted = new Set(options.omit ?? []);
    this.set = options.set ?? {};
  }

  private parent(path: string): string | undefined {
    const dot = path.indexOf('.');
    return dot < 0 ? undefined : path.slice(0, dot);
  }

  isSet(path: string): boolean {
    if (Object.hasOwn(this.set, path)) return true;
    const p = this.parent(path);
    return p !== undefined && Object.hasOwn(this.set, p);
  }

  setValue(path: string): unknown {
    if (Object.hasOwn(this.set, path)) return this.set[path];
    const p = this.parent(path);
    if (p === undefined) return undefined;
    const parent = this.set[p] as Record<string, unknown> | undefined;
    return parent?.[path.slice(p.length + 1)];
  }

  isOmitted(path: string): boolean {
    if (this.omitted.has(path)) return true;
    const p = this.parent(path);
    return p !== undefined && this.omitted.has(p);
  }

  /** The forced value, nothing when omitted, else what the genome chose. */
  pick<T>(path: string, generated: T): T | undefined {
    if (this.isSet(path)) return this.setValue(path) as T;
    if (this.isOmitted(path)) return undefined;
    return generated;
  }

  omittedPaths(): string[] {
    return [...this.omitted];
  }
}

type ValuePick = 'min' | 'max' | 'zero' | number;
type TokenGene =
  | { mode: 'absent' }
  | { mode: 'unit-only'; unit: TimeUnit }
  | { mode: 'value'; unit: UnitOrDefault; pick: ValuePick };

interface Genome {
  clientName: string;
  secret: { GenerateSecret?: boolean; ClientSecret?: string };
  tokens: TokenGene[];
  readAttributes?: string[];
  writeAttributes?: string[];
  explicitAuthFlows?: string[];
  providers?: string[];
  callbacks?: string[];
  /** A callback URL for code/implicit when the caller forces OAuth on and `callbacks` has none. */
  spareCallback: string;
  defaultRedirect?: number;
  logout?: string[];
  oauth: {
    enabled: boolean;
    flagWhenOff: boolean;
    emptyListsWhenOff: boolean;
    family: OAuthFlowFamily;
    codeImplicit: string[];
    scopes: string[];
    ccScopes?: string[];
  };
  analytics?: { byArn: boolean; userDataShared?: boolean };
  prevent?: string;
  revocation?: boolean;
  propagate?: boolean;
  authSession?: number;
  rotation?: { feature: string; grace?: number };
}

const opt = <T>(arb: fc.Arbitrary<T>, freq = 4) => fc.option(arb, { nil: undefined, freq });

function tokenGene(t: TokenSpec): fc.Arbitrary<TokenGene> {
  // Bounds are what the token rules are about: each of min and max twice as likely as a value between.
  const picks: fc.WeightedArbitrary<ValuePick>[] = [
    { arbitrary: fc.nat(), weight: 1 },
    { arbitrary: fc.constant('min'), weight: 2 },
    { arbitrary: fc.constant('max'), weight: 2 },
  ];
  // RefreshTokenValidity 0 means "the default, 30 days" (refresh-token-validity.zero-means-default).
  if (t.kind === 'refresh') picks.push({ arbitrary: fc.constant('zero'), weight: 2 });
  const unitsAlone = TIME_UNITS.filter((u) => unitAloneInRange(t, u));
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.constant<TokenGene>({ mode: 'absent' }), weight: 1 },
    {
      arbitrary: fc.record({ mode: fc.constant('value' as const), unit: fc.constantFrom(...UNIT_CHOICES), pick: fc.oneof(...picks) }),
      weight: 7,
    },
    // A unit without its value applies to the default value (token-validity.unit-without-value);
    // only units where that stays in range. TF-T sends access_token = "days" alone and passes.
    { arbitrary: fc.record({ mode: fc.constant('unit-only' as const), unit: fc.constantFrom(...unitsAlone) }), weight: 1 },
  );
}

function genome(pool: PoolContext): fc.Arbitrary<Genome> {
  const clientSecret = boundedString(requestMembers.ClientSecret);
  const readable = [...STANDARD_ATTRIBUTES, ...pool.customAttributes.map((a) => a.name)];
  const writable = [...WRITABLE_STANDARD_ATTRIBUTES, ...pool.customAttributes.filter((a) => a.mutable).map((a) => a.name)];
  const providers = [COGNITO_PROVIDER, ...pool.identityProviders];
  const ccScopes = oauthScopes(pool, 'client-credentials');
  const analytics = pool.analytics
    ? opt(fc.record({ byArn: fc.boolean(), userDataShared: opt(fc.boolean(), 3) }), 3)
    : fc.constant(undefined);
  return fc.record({
    clientName: boundedString(requestMembers.ClientName).map(noEdgeSpaces),
    secret: fc.oneof(
      { withCrossShrink: true },
      fc.constant({}),
      fc.constant({ GenerateSecret: true }),
      fc.constant({ GenerateSecret: false }),
      clientSecret.map((s) => ({ ClientSecret: s })),
      clientSecret.map((s) => ({ GenerateSecret: false, ClientSecret: s })),
    ),
    tokens: fc.tuple(...TOKENS.map(tokenGene)),
    readAttributes: opt(sizedSubset(readable, 0, readable.length)),
    writeAttributes: opt(sizedSubset(writable, 0, writable.length)),
    explicitAuthFlows: opt(
      fc.oneof({ withCrossShrink: true }, fc.constant([] as string[]), fc.subarray([...LEGACY_AUTH_FLOWS], { minLength: 1 }), allowFlowsWithRefresh()),
      3,
    ),
    providers: opt(sizedSubset(providers, 0, providers.length)),
    callbacks: opt(sizedList(redirectUrl(), 0, CALLBACKS_MAX).map(distinctUrls), 3),
    spareCallback: redirectUrl(),
    defaultRedirect: opt(fc.nat(), 3),
    logout: opt(sizedList(redirectUrl(), 0, LOGOUT_MAX).map(distinctUrls), 3),
    oauth: fc.record({
      enabled: fc.boolean(),
      flagWhenOff: fc.boolean(),
      emptyListsWhenOff: fc.boolean(),
      family: fc.constantFrom<OAuthFlowFamily>('code-implicit', 'client-credentials'),
      codeImplicit: fc.subarray([...CODE_IMPLICIT_FLOWS], { minLength: 1 }),
      scopes: oauthScopes(pool, 'code-implicit')!,
      ccScopes: ccScopes ?? fc.constant(undefined),
    }),
    analytics,
    prevent: opt(fc.constantFrom(...requestMembers.PreventUserExistenceErrors.enum!)),
    revocation: opt(fc.boolean()),
    propagate: opt(fc.boolean()),
    authSession: opt(intWithBoundaries(requestMembers.AuthSessionValidity.range!.min!, requestMembers.AuthSessionValidity.range!.max!)),
    rotation: opt(
      fc.record({
        feature: fc.constantFrom(...ROTATION.Feature.enum!),
        grace: opt(intWithBoundaries(ROTATION.RetryGracePeriodSeconds.range!.min!, ROTATION.RetryGracePeriodSeconds.range!.max!), 8),
      }),
      6,
    ),
  });
}

/**
 * ClientName: no leading or trailing space. The pattern allows them, but whether AWS trims names is
 * not known; the first and last characters are kept to non-space ones.
 */
function noEdgeSpaces(name: string): string {
  const cs = [...name];
  if (cs[0] === ' ') cs[0] = 'a';
  if (cs[cs.length - 1] === ' ') cs[cs.length - 1] = 'a';
  return cs.join('');
}

function valueFor(t: TokenSpec, unit: UnitOrDefault, pick: ValuePick): number {
  const b = valueBounds(t, unit);
  if (pick === 'zero') return acceptsValue(t, unit, 0) ? 0 : b.min;
  if (pick === 'min') return b.min;
  if (pick === 'max') return b.max;
  return b.min + (pick % (b.max - b.min + 1));
}

function resolveToken(t: TokenSpec, gene: TokenGene, c: Choices): { value?: number; unit?: UnitOrDefault } {
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

function withCognito(providers: readonly string[]): string[] {
  return providers.includes(COGNITO_PROVIDER) ? [...providers] : [COGNITO_PROVIDER, ...providers];
}

function withUrl(urls: readonly string[], url: string, max: number): string[] {
  if (urls.includes(url)) return [...urls];
  return urls.length < max ? [...urls, url] : [...urls.slice(0, max - 1), url];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [top, child] = path.split('.');
  if (child === undefined) {
    target[top] = value;
    return;
  }
  const parent = { ...((target[top] as Record<string, unknown> | undefined) ?? {}) };
  if (value === undefined) delete parent[child];
  else parent[child] = value;
  if (Object.keys(parent).length) target[top] = parent;
  else delete target[top];
}

function assemble(g: Genome, pool: PoolContext, c: Choices): RequestBody {
  const out: Record<string, unknown> = {};
  out.UserPoolId = c.pick('UserPoolId', pool.userPoolId);
  out.ClientName = c.pick('ClientName', g.clientName);

  // ClientSecret only when GenerateSecret is not true (client-secret.not-with-generate-secret).
  let generate = c.pick('GenerateSecret', g.secret.GenerateSecret);
  let custom = c.pick('ClientSecret', g.secret.ClientSecret);
  if (generate === true && custom !== undefined) {
    if (!c.isSet('ClientSecret')) custom = undefined;
    else if (!c.isSet('GenerateSecret')) generate = false;
  }
  out.GenerateSecret = generate;
  out.ClientSecret = custom;
  const hasSecret = generate === true || custom !== undefined;

  const units: Record<string, unknown> = {};
  TOKENS.forEach((t, i) => {
    const r = resolveToken(t, g.tokens[i], c);
    out[t.valueMember] = r.value;
    if (r.unit !== undefined) units[t.unitMember] = r.unit;
  });
  out.TokenValidityUnits = Object.hasOwn(c.set, 'TokenValidityUnits') ? c.set.TokenValidityUnits : Object.keys(units).length ? units : undefined;

  const authFlows = c.pick('ExplicitAuthFlows', g.explicitAuthFlows);
  out.ExplicitAuthFlows = authFlows;
  let rotation = c.pick<Record<string, unknown> | undefined>(
    'RefreshTokenRotation',
    g.rotation && (g.rotation.feature === ROTATION_ENABLED && g.rotation.grace !== undefined
      ? { Feature: ROTATION_ENABLED, RetryGracePeriodSeconds: g.rotation.grace }
      : { Feature: g.rotation.feature }),
  );
  if (!c.isSet('RefreshTokenRotation') && rotation?.Feature === ROTATION_ENABLED && authFlows !== undefined) rotation = { Feature: ROTATION_DISABLED };
  out.RefreshTokenRotation = rotation;

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
  }

  // DefaultRedirectURI is one of CallbackURLs (default-redirect-uri.in-callback-urls).
  let defaultRedirect: unknown;
  if (c.isSet(DEFAULT_REDIRECT)) {
    defaultRedirect = c.setValue(DEFAULT_REDIRECT);
    if (typeof defaultRedirect === 'string' && !c.isSet(CALLBACKS) && !c.isOmitted(CALLBACKS)) {
      callbacks = withUrl(callbacks ?? [], defaultRedirect, CALLBACKS_MAX);
    }
  } else if (!c.isOmitted(DEFAULT_REDIRECT) && g.defaultRedirect !== undefined && callbacks?.length) {
    defaultRedirect = callbacks[g.defaultRedirect % callbacks.length];
  }
  out[CALLBACKS] = callbacks;
  out[DEFAULT_REDIRECT] = defaultRedirect;
  out.LogoutURLs = c.pick('LogoutURLs', g.logout);

  const read = c.pick('ReadAttributes', g.readAttributes);
  let write = c.pick('WriteAttributes', g.writeAttributes);
  if (Array.isArray(read) && Array.isArray(write) && !c.isSet('WriteAttributes')) write = write.filter((a) => read.includes(a));
  out.ReadAttributes = read;
  out.WriteAttributes = write;

  // AnalyticsConfiguration: ApplicationArn alone, or ApplicationId with RoleArn and ExternalId
  // (analytics.application-id-or-arn, analytics.application-id-needs-role-and-external-id), naming
  // the pool's own Pinpoint project.
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

  out.PreventUserExistenceErrors = c.pick('PreventUserExistenceErrors', g.prevent);
  out.EnableTokenRevocation = c.pick('EnableTokenRevocation', g.revocation);
  let propagate = c.pick(PROPAGATE, g.propagate);
  // EnablePropagateAdditionalUserContextData true only with a secret (propagate-user-context.needs-secret).
  if (propagate === true && !hasSecret && !c.isSet(PROPAGATE)) propagate = false;
  out[PROPAGATE] = propagate;
  out.AuthSessionValidity = c.pick('AuthSessionValidity', g.authSession);

  // The caller's word is final: structure members forced or left out are applied last.
  for (const [path, value] of Object.entries(c.set)) if (path.includes('.')) setPath(out, path, value);
  for (const path of c.omittedPaths()) if (path.includes('.')) setPath(out, path, undefined);

  return canonicalRequest(out);
}

export function validRequest(pool: PoolContext, options: ValidRequestOptions = {}): fc.Arbitrary<RequestBody> {
  const choices = new Choices(options);
  return genome(pool).map((g) => assemble(g, pool, choices));
}
