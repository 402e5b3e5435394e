import fc from 'fast-check';
import { LEGACY_AUTH_FLOWS, OAUTH_FLOWS, TIME_UNITS } from '../contract/memberShapes.js';
import {
  COGNITO_PROVIDER, STANDARD_ATTRIBUTES, STANDARD_SCOPES, WRITABLE_STANDARD_ATTRIBUTES, requiredWriteAttributes, type PoolContext,
} from '../contract/poolContext.js';
import { requestMembers } from '../contract/requestMembers.js';
import { TOKENS, type TokenSpec } from '../contract/tokenValidity.js';
import type { RequestBody } from './testCase.js';
import { allowFlowsWithRefresh } from './authFlows.js';
import { cannotBreak, withItem, type BreakerPlan, type Fault } from './breakerPlan.js';
import { canonicalRequest } from './canonicalRequest.js';
import { OPENID, oauthScopes } from './oauthScopes.js';
import { charLength } from './patternChars.js';
import { URL_MAX_LENGTH, redirectUrl, urlSegment } from './redirectUrl.js';
import { boundedString } from './stringOfLength.js';
import { UNIT_CHOICES, outOfRangeIntervals, unitAloneInRange, type IntRange, type UnitOrDefault } from './tokenBounds.js';
import { validRequest } from './validRequest.js';

/**
 * Hand-written breakers for the cross-field and existence rules (contract/semanticRules.ts). Each
 * starts from a valid request built without the members it is about, adds a fault that breaks
 * its rule and nothing else (by the contract's judge and by the conservative choices of
 * validRequest.ts), and names the member path of the fault.
 */
type Breaker = (pool: PoolContext) => BreakerPlan;

const FLAG = 'AllowedOAuthFlowsUserPoolClient';
const FLOWS = 'AllowedOAuthFlows';
const SCOPES = 'AllowedOAuthScopes';
const SIP = 'SupportedIdentityProviders';
const CALLBACKS = 'CallbackURLs';
const PROPAGATE = 'EnablePropagateAdditionalUserContextData';
const CLIENT_CREDENTIALS = 'client_credentials';
const CODE_IMPLICIT = OAUTH_FLOWS.filter((f) => f !== CLIENT_CREDENTIALS);
const SCOPES_MAX = requestMembers.AllowedOAuthScopes.length!.max!;
const OAUTH_MEMBERS = [FLAG, FLOWS, SCOPES];
const SECRET_MEMBERS = ['GenerateSecret', 'ClientSecret'];

function plan(faults: fc.Arbitrary<Fault>): BreakerPlan {
  return { ok: true, faults };
}

function fault(path: string, request: Record<string, unknown>): Fault {
  return { path, request: canonicalRequest(request) };
}

/** Boundary first, then the far end, then anything in between. */
function inInterval(iv: IntRange, near: number, far: number): fc.Arbitrary<number> {
  return fc.oneof({ withCrossShrink: true }, fc.constant(near), fc.constant(far), fc.integer(iv));
}

function withCognito(providers: unknown): string[] {
  const xs = Array.isArray(providers) ? (providers as string[]) : [];
  return xs.includes(COGNITO_PROVIDER) ? [...xs] : [COGNITO_PROVIDER, ...xs];
}

/** A client secret of either kind: generated, or given (ClientSecret, with or without GenerateSecret false). */
function secretArb(): fc.Arbitrary<Record<string, unknown>> {
  const given = boundedString(requestMembers.ClientSecret);
  return fc.oneof(
    { withCrossShrink: true },
    fc.constant({ GenerateSecret: true }),
    given.map((s) => ({ ClientSecret: s })),
    given.map((s) => ({ GenerateSecret: false, ClientSecret: s })),
  );
}

/** Rotation ENABLED goes only without ExplicitAuthFlows (validRequest.ts); faults that add flows disable it. */
function withoutRotationConflict(req: Record<string, unknown>): Record<string, unknown> {
  const rotation = req.RefreshTokenRotation as { Feature?: string } | undefined;
  return rotation?.Feature === 'ENABLED' ? { ...req, RefreshTokenRotation: { Feature: 'DISABLED' } } : req;
}

/** The value is out of range in its unit and inside the model's range; the default unit (no unit) weighs most. */
function tokenRange(t: TokenSpec): Breaker {
  return (pool) => {
    const choices: fc.WeightedArbitrary<{ unit: UnitOrDefault; value: number }>[] = [];
    for (const unit of UNIT_CHOICES) {
      const { below, above } = outOfRangeIntervals(t, unit);
      // Without a unit, every such value is in range in some other unit (AccessTokenValidity 25 is
      // fine in minutes, not in hours): a target with the wrong default unit accepts it.
      const weight = unit === undefined ? 3 : 1;
      if (below) choices.push({ weight, arbitrary: inInterval(below, below.max, below.min).map((value) => ({ unit, value })) });
      if (above) choices.push({ weight, arbitrary: inInterval(above, above.min, above.max).map((value) => ({ unit, value })) });
    }
    if (!choices.length) return cannotBreak(`no ${t.valueMember} inside the model range is out of the allowed duration`);
    const base = validRequest(pool, { omit: [t.valueMember, `TokenValidityUnits.${t.unitMember}`] });
    return plan(fc.tuple(base, fc.oneof(...choices)).map(([req, { unit, value }]) => {
      const units = { ...((req.TokenValidityUnits as Record<string, unknown> | undefined) ?? {}) };
      if (unit !== undefined) units[t.unitMember] = unit;
      return fault(t.valueMember, { ...req, [t.valueMember]: value, TokenValidityUnits: Object.keys(units).length ? units : undefined });
    }));
  };
}

/** A unit alone whose default value falls outside the allowed duration (seconds or minutes). */
const unitWithoutValue: Breaker = (pool) => {
  const perToken = TOKENS.map((t) => {
    const units = TIME_UNITS.filter((u) => !unitAloneInRange(t, u));
    if (!units.length) return undefined;
    const base = validRequest(pool, { omit: [t.valueMember, `TokenValidityUnits.${t.unitMember}`] });
    return fc.tuple(base, fc.constantFrom(...units)).map(([req, unit]) => fault(`TokenValidityUnits.${t.unitMember}`, {
      ...req,
      TokenValidityUnits: { ...((req.TokenValidityUnits as Record<string, unknown> | undefined) ?? {}), [t.unitMember]: unit },
    }));
  }).filter((a): a is fc.Arbitrary<Fault> => a !== undefined);
  return perToken.length ? plan(fc.oneof(...perToken)) : cannotBreak('every unit alone is in range');
};

/** Legacy and ALLOW_* flows together (ALLOW_REFRESH_TOKEN_AUTH among them, as lists were in 2020): only the mix is wrong. */
const legacyMix: Breaker = (pool) => plan(
  fc.tuple(validRequest(pool, { omit: ['ExplicitAuthFlows'] }), fc.subarray([...LEGACY_AUTH_FLOWS], { minLength: 1 }), allowFlowsWithRefresh(), fc.nat())
    .map(([req, legacy, allow, n]) => {
      const mixed = [...allow, ...legacy];
      const k = n % mixed.length;
      return fault('ExplicitAuthFlows', withoutRotationConflict({ ...req, ExplicitAuthFlows: [...mixed.slice(k), ...mixed.slice(0, k)] }));
    }),
);

/** A URL not in CallbackURLs: often a near miss of one that is (another path under it). */
const defaultRedirectNotInCallbacks: Breaker = (pool) => plan(
  fc.tuple(validRequest(pool, { omit: ['DefaultRedirectURI'] }), redirectUrl({ short: true }), fc.nat(), urlSegment).map(([req, url, n, seg]) => {
    const callbacks = (req.CallbackURLs as string[] | undefined) ?? [];
    const near = callbacks.length ? `${callbacks[n % callbacks.length]}/${seg}` : url;
    let candidate = charLength(near) <= URL_MAX_LENGTH ? near : url;
    while (callbacks.includes(candidate)) candidate = `${candidate.slice(0, 64)}/${seg}`;
    return fault('DefaultRedirectURI', { ...req, DefaultRedirectURI: candidate });
  }),
);

// Relative references: no scheme (callback-urls.absolute). `host:port/...` is left out: the URL
// parser reads `host:` as a scheme.
const relativeUrl = fc.tuple(fc.constantFrom('/', '', './', '../', 'example.com/', '//example.com/'), urlSegment).map(([p, s]) => p + s);
// A fragment, possibly empty (callback-urls.no-fragment).
const urlWithFragment = fc.tuple(redirectUrl({ short: true }), fc.option(urlSegment, { nil: '' })).map(([u, f]) => `${u}#${f}`);
// http on a host that is not one of the three loopback names (callback-urls.https-except-loopback);
// other loopback spellings (127.0.0.2, [::2], 0.0.0.0) count as not exempt.
const plainHttpUrl = fc
  .tuple(
    fc.constantFrom('example.com', 'localhost.example.com', '127.0.0.2', '[::2]', '0.0.0.0', '192.168.1.10', 'app.local'),
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    urlSegment,
  )
  .map(([h, port, s]) => `http://${h}${port === undefined ? '' : `:${port}`}/${s}`);

function badUrlIn(member: 'CallbackURLs' | 'LogoutURLs', bad: fc.Arbitrary<string>): Breaker {
  return (pool) => plan(
    fc.tuple(validRequest(pool), bad, fc.nat()).map(([req, url, pos]) => fault(`${member}[]`, {
      ...req,
      [member]: withItem(req[member] as string[] | undefined, url, pos, requestMembers[member].length!.max!, req.DefaultRedirectURI),
    })),
  );
}

/** An OAuth client (flag true, COGNITO among the providers) with the given flows and scopes. */
function oauthClient(req: RequestBody, flows: string[], scopes: string[]): Record<string, unknown> {
  return { ...req, [FLAG]: true, [FLOWS]: flows, [SCOPES]: scopes, [SIP]: withCognito(req[SIP]) };
}

const NO_RS_SCOPES = 'client_credentials takes resource-server scopes only (valid requests give it no other) and the pool has none';

/**
 * AllowedOAuthFlowsUserPoolClient true with flows or scopes missing (absent or empty), or both. The
 * list that is there is a valid one (code/implicit with a callback URL, or the pool's scopes), so
 * only the missing list is wrong.
 */
const oauthFlagWithoutLists: Breaker = (pool) => {
  type Missing = 'flows' | 'scopes' | 'both';
  return plan(
    fc.tuple(
      validRequest(pool, { omit: OAUTH_MEMBERS }),
      fc.constantFrom<Missing>('both', 'scopes', 'flows'),
      fc.boolean(),
      fc.subarray([...CODE_IMPLICIT], { minLength: 1 }),
      oauthScopes(pool, 'code-implicit')!,
      redirectUrl(),
    ).map(([req, missing, empty, flows, scopes, spare]) => {
      const gone = empty ? [] : undefined;
      const out: Record<string, unknown> = { ...req, [FLAG]: true, [FLOWS]: missing === 'scopes' ? flows : gone, [SCOPES]: missing === 'flows' ? scopes : gone };
      if (missing === 'scopes' && !(req[CALLBACKS] as string[] | undefined)?.length) out[CALLBACKS] = [spare];
      return fault(FLAG, out);
    }),
  );
};

const ccWithoutSecret: Breaker = (pool) => {
  const scopes = oauthScopes(pool, 'client-credentials');
  if (!scopes) return cannotBreak(NO_RS_SCOPES);
  return plan(fc.tuple(validRequest(pool, { omit: [...SECRET_MEMBERS, ...OAUTH_MEMBERS] }), scopes, fc.boolean()).map(([req, s, explicitFalse]) =>
    fault(FLOWS, { ...oauthClient(req, [CLIENT_CREDENTIALS], s), ...(explicitFalse ? { GenerateSecret: false } : {}) })));
};

/** client_credentials with code and/or implicit; a secret and a callback URL, so only the mix is wrong. */
const ccNotAlone: Breaker = (pool) => {
  const scopes = oauthScopes(pool, 'client-credentials');
  if (!scopes) return cannotBreak(NO_RS_SCOPES);
  return plan(
    fc.tuple(validRequest(pool, { omit: [...SECRET_MEMBERS, ...OAUTH_MEMBERS] }), secretArb(), fc.subarray([...CODE_IMPLICIT], { minLength: 1 }), scopes, redirectUrl(), fc.nat())
      .map(([req, secret, others, s, spare, n]) => {
        const flows = withItem(others, CLIENT_CREDENTIALS, n);
        const callbacks = (req[CALLBACKS] as string[] | undefined)?.length ? req[CALLBACKS] : [spare];
        return fault(FLOWS, { ...oauthClient(req, flows, s), ...secret, [CALLBACKS]: callbacks });
      }),
  );
};

const ccWithOpenid: Breaker = (pool) => {
  const scopes = oauthScopes(pool, 'client-credentials');
  if (!scopes) return cannotBreak(NO_RS_SCOPES);
  return plan(
    fc.tuple(validRequest(pool, { omit: [...SECRET_MEMBERS, ...OAUTH_MEMBERS] }), secretArb(), scopes, fc.nat())
      .map(([req, secret, s, n]) => fault(`${SCOPES}[]`, { ...oauthClient(req, [CLIENT_CREDENTIALS], withItem(s, OPENID, n, SCOPES_MAX)), ...secret })),
  );
};

/** code and/or implicit with CallbackURLs absent or empty (and so no DefaultRedirectURI). */
const codeWithoutCallback: Breaker = (pool) => plan(
  fc.tuple(
    validRequest(pool, { omit: [CALLBACKS, 'DefaultRedirectURI', ...OAUTH_MEMBERS] }),
    fc.subarray([...CODE_IMPLICIT], { minLength: 1 }),
    oauthScopes(pool, 'code-implicit')!,
    fc.boolean(),
  ).map(([req, flows, scopes, empty]) => fault(CALLBACKS, { ...oauthClient(req, flows, scopes), ...(empty ? { [CALLBACKS]: [] } : {}) })),
);

/** A value not in `known`, made from a candidate by appending `suffix` until it is unknown. */
function unknownFrom(candidates: fc.Arbitrary<string>, known: ReadonlySet<string>, suffix: string, maxLength: number): fc.Arbitrary<string> {
  return candidates.map((c) => {
    let v = c;
    while (known.has(v)) v = `${[...v].slice(0, maxLength - suffix.length).join('')}${suffix}`;
    return v;
  });
}

const unknownScope: Breaker = (pool) => {
  const known = new Set<string>([...STANDARD_SCOPES, ...pool.resourceServerScopes]);
  const scopeMax = requestMembers.AllowedOAuthScopes.items!.length!.max!;
  // A scope name a resource server of the pool does not have, under its real identifier.
  const underKnownServer = [...new Set(pool.resourceServerScopes.map((s) => `${s.slice(0, s.lastIndexOf('/'))}/not-a-scope`))]
    .filter((s) => charLength(s) <= scopeMax);
  // Unmistakably unknown names: no case variants of real scopes, whose handling is not known.
  const candidates = fc.oneof(
    fc.constantFrom('unknown-scope', 'https://unknown.example.com/read', 'unknown/read'),
    underKnownServer.length ? fc.constantFrom(...underKnownServer) : fc.constant('rs/not-a-scope'),
  );
  return plan(
    fc.tuple(validRequest(pool, { set: { [FLAG]: true } }), unknownFrom(candidates, known, '-x', scopeMax), fc.nat()).map(([req, scope, n]) =>
      fault(`${SCOPES}[]`, { ...req, [SCOPES]: withItem(req[SCOPES] as string[], scope, n, SCOPES_MAX, OPENID) })),
  );
};

const unknownProvider: Breaker = (pool) => {
  const known = new Set([COGNITO_PROVIDER, ...pool.identityProviders]);
  const max = requestMembers.SupportedIdentityProviders.items!.length!.max!;
  const candidates = fc.tuple(fc.constantFrom('Facebook', 'LoginWithAmazon', 'Google', 'UnknownIdP', 'プロバイダー'), fc.nat(999))
    .map(([name, k]) => (k % 2 ? `${name}${k}` : name));
  return plan(fc.tuple(validRequest(pool), unknownFrom(candidates, known, 'X', max), fc.nat()).map(([req, provider, n]) =>
    fault(`${SIP}[]`, { ...req, [SIP]: withItem(req[SIP] as string[] | undefined, provider, n) })));
};

// Unknown attribute names; `sub` and case variants are left out (whether they count as known is not settled).
const unknownAttributeCandidates = fc.constantFrom('custom:unknown', 'custom:does_not_exist', 'not_an_attribute', 'favorite_color', 'custom:ティア2');

function unknownAttribute(pool: PoolContext): fc.Arbitrary<string> {
  const known = new Set<string>([...STANDARD_ATTRIBUTES, ...pool.customAttributes.map((a) => a.name)]);
  return unknownFrom(unknownAttributeCandidates, known, '_x', requestMembers.ReadAttributes.items!.length!.max!);
}

/** An unknown read attribute; WriteAttributes stays inside ReadAttributes. */
const unknownReadAttribute: Breaker = (pool) => plan(
  fc.tuple(validRequest(pool), unknownAttribute(pool), fc.nat()).map(([req, attr, n]) => {
    const read = [...new Set([...((req.ReadAttributes as string[] | undefined) ?? []), ...((req.WriteAttributes as string[] | undefined) ?? [])])];
    return fault('ReadAttributes[]', { ...req, ReadAttributes: withItem(read, attr, n) });
  }),
);

/**
 * A write attribute that is unknown, or an immutable custom attribute (readable, so it may also be
 * in ReadAttributes); the pool's required attributes stay in the list, so only that attribute is
 * wrong. The *_verified flags are not used: whether a client may write them is open.
 */
function writeAttributeNotWritable(pool: PoolContext): fc.Arbitrary<Fault> {
  const immutable = pool.customAttributes.filter((a) => !a.mutable).map((a) => a.name);
  const required = requiredWriteAttributes(pool);
  const attrs = fc.oneof(
    unknownAttribute(pool).map((name) => ({ name, readable: false })),
    ...(immutable.length ? [fc.constantFrom(...immutable).map((name) => ({ name, readable: true }))] : []),
  );
  return fc.tuple(validRequest(pool, { omit: ['ReadAttributes'] }), attrs, fc.boolean(), fc.nat()).map(([req, attr, alsoRead, n]) => {
    const write = withItem((req.WriteAttributes as string[] | undefined) ?? required, attr.name, n);
    return fault('WriteAttributes[]', { ...req, WriteAttributes: write, ...(attr.readable && alsoRead ? { ReadAttributes: [...write] } : {}) });
  });
}

/**
 * A WriteAttributes list without one of the pool's required attributes (the cause the developer
 * guide documents for "Invalid write attributes specified while creating a client"): the other
 * attributes of the list are writable ones, and the list is never empty.
 */
function requiredAttributeLeftOut(pool: PoolContext, required: readonly string[]): fc.Arbitrary<Fault> {
  const others = [...WRITABLE_STANDARD_ATTRIBUTES, ...pool.customAttributes.filter((a) => a.mutable).map((a) => a.name)]
    .filter((a) => !required.includes(a));
  return fc.tuple(
    validRequest(pool, { omit: ['ReadAttributes', 'WriteAttributes'] }),
    fc.constantFrom(...required),
    fc.shuffledSubarray(others, { minLength: 1, maxLength: 3 }),
  ).map(([req, left, rest]) => fault('WriteAttributes[]', { ...req, WriteAttributes: [...required.filter((a) => a !== left), ...rest] }));
}

const badWriteAttribute: Breaker = (pool) => {
  const required = requiredWriteAttributes(pool);
  const faults = [writeAttributeNotWritable(pool), ...(required.length ? [requiredAttributeLeftOut(pool, required)] : [])];
  return plan(fc.oneof(...faults));
};

const secretWithGenerate: Breaker = (pool) => plan(
  fc.tuple(validRequest(pool, { set: { GenerateSecret: true } }), boundedString(requestMembers.ClientSecret))
    .map(([req, secret]) => fault('ClientSecret', { ...req, ClientSecret: secret })),
);

const propagateWithoutSecret: Breaker = (pool) => plan(
  fc.tuple(validRequest(pool, { omit: [...SECRET_MEMBERS, PROPAGATE] }), fc.boolean())
    .map(([req, explicitFalse]) => fault(PROPAGATE, { ...req, [PROPAGATE]: true, ...(explicitFalse ? { GenerateSecret: false } : {}) })),
);

function analyticsBreaker(configs: (a: NonNullable<PoolContext['analytics']>) => Record<string, unknown>[]): Breaker {
  return (pool) => {
    if (!pool.analytics) return cannotBreak('the pool has no Pinpoint project (needs analytics)');
    return plan(fc.tuple(validRequest(pool, { omit: ['AnalyticsConfiguration'] }), fc.constantFrom(...configs(pool.analytics)), fc.option(fc.boolean(), { nil: undefined }))
      .map(([req, config, shared]) => fault('AnalyticsConfiguration', {
        ...req,
        AnalyticsConfiguration: { ...config, ...(shared === undefined ? {} : { UserDataShared: shared }) },
      })));
  };
}

/** Both ApplicationId and ApplicationArn (with RoleArn and ExternalId, so only that is wrong), or neither. */
const analyticsIdOrArn = analyticsBreaker((a) => [
  { ApplicationId: a.applicationId, ApplicationArn: a.applicationArn, RoleArn: a.roleArn, ExternalId: a.externalId },
  { RoleArn: a.roleArn, ExternalId: a.externalId },
  { RoleArn: a.roleArn },
  {},
]);

const analyticsIdWithoutRole = analyticsBreaker((a) => [
  { ApplicationId: a.applicationId },
  { ApplicationId: a.applicationId, RoleArn: a.roleArn },
  { ApplicationId: a.applicationId, ExternalId: a.externalId },
]);

/** A well-formed pool id that is not the pool's: same region or another one. */
const otherPool: Breaker = (pool) => {
  const region = pool.userPoolId.slice(0, pool.userPoolId.indexOf('_'));
  const suffixChars = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
  const suffixLength = pool.userPoolId.length - region.length - 1;
  const id = fc.tuple(
    fc.constantFrom(region, 'us-west-2', 'eu-central-1', 'ap-northeast-1'),
    fc.array(fc.constantFrom(...suffixChars), { minLength: suffixLength, maxLength: suffixLength }),
  ).map(([r, cs]) => {
    const candidate = `${r}_${cs.join('')}`;
    return candidate === pool.userPoolId ? `${r}_${cs.join('')}0` : candidate;
  });
  return plan(fc.tuple(validRequest(pool), id).map(([req, userPoolId]) => fault('UserPoolId', { ...req, UserPoolId: userPoolId })));
};

export const semanticBreakers: Readonly<Record<string, Breaker>> = {
  ...Object.fromEntries(TOKENS.map((t) => [t.rangeRuleId, tokenRange(t)])),
  'token-validity.unit-without-value': unitWithoutValue,
  'explicit-auth-flows.no-legacy-mix': legacyMix,
  'default-redirect-uri.in-callback-urls': defaultRedirectNotInCallbacks,
  'callback-urls.absolute': badUrlIn('CallbackURLs', relativeUrl),
  'callback-urls.no-fragment': badUrlIn('CallbackURLs', urlWithFragment),
  'callback-urls.https-except-loopback': badUrlIn('CallbackURLs', plainHttpUrl),
  'logout-urls.same-rules-as-callback': badUrlIn('LogoutURLs', fc.oneof(relativeUrl, urlWithFragment, plainHttpUrl)),
  'oauth.flag-needs-flows-and-scopes': oauthFlagWithoutLists,
  'oauth.client-credentials.needs-secret': ccWithoutSecret,
  'oauth.client-credentials.exclusive': ccNotAlone,
  'oauth.client-credentials.no-openid': ccWithOpenid,
  'oauth.code-implicit.need-callback': codeWithoutCallback,
  'oauth.scopes.exist': unknownScope,
  'supported-identity-providers.exist': unknownProvider,
  'read-attributes.exist': unknownReadAttribute,
  'write-attributes.exist-and-writable': badWriteAttribute,
  'client-secret.not-with-generate-secret': secretWithGenerate,
  'propagate-user-context.needs-secret': propagateWithoutSecret,
  'analytics.application-id-or-arn': analyticsIdOrArn,
  'analytics.application-id-needs-role-and-external-id': analyticsIdWithoutRole,
  'user-pool.exists': otherPool,
};
