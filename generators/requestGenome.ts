import fc from 'fast-check';
import { requestMembers } from '../contract/requestMembers.js';
import { LEGACY_AUTH_FLOWS, OAUTH_FLOWS, TIME_UNITS, type TimeUnit } from '../contract/memberShapes.js';
import { COGNITO_PROVIDER, STANDARD_ATTRIBUTES, WRITABLE_STANDARD_ATTRIBUTES, type PoolContext } from '../contract/poolContext.js';
import { TOKENS, type TokenSpec } from '../contract/tokenValidity.js';
import { intWithBoundaries, sizedList, sizedSubset } from './boundaries.js';
import { boundedString } from './stringOfLength.js';
import { distinctUrls, redirectUrl } from './redirectUrl.js';
import { oauthScopes, type OAuthFlowFamily } from './oauthScopes.js';
import { allowFlowsWithRefresh } from './authFlows.js';
import { UNIT_CHOICES, unitAloneInRange, type UnitOrDefault } from './tokenBounds.js';

/**
 * The raw material of a valid request: one independent choice per member, each able to shrink to
 * "absent". The rule families of validRequest.ts turn a genome into a request, resolving the
 * cross-field rules; nothing here knows about them beyond drawing each member from its own valid
 * values (pool attributes, pool scopes, well-formed URLs, token values at their bounds).
 *
 * Keys are drawn in the order written: a new key goes last, so that the values of the keys before
 * it stay the same for a given seed.
 */
export type ValuePick = 'min' | 'max' | 'zero' | number;

export type TokenGene =
  | { mode: 'absent' }
  | { mode: 'unit-only'; unit: TimeUnit }
  | { mode: 'value'; unit: UnitOrDefault; pick: ValuePick };

export interface Genome {
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
  /**
   * Whether an ALLOW_* list goes without ALLOW_REFRESH_TOKEN_AUTH (current AWS accepts that:
   * explicit-auth-flows.refresh-token-auth-optional). Shrinks to false: the list as drawn.
   */
  dropRefreshFlow: boolean;
}

export const CLIENT_CREDENTIALS = 'client_credentials';
export const CODE_IMPLICIT_FLOWS = OAUTH_FLOWS.filter((f) => f !== CLIENT_CREDENTIALS);
const CALLBACKS_MAX = requestMembers.CallbackURLs.length!.max!;
const LOGOUT_MAX = requestMembers.LogoutURLs.length!.max!;
const ROTATION = requestMembers.RefreshTokenRotation.members!;

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

export function genome(pool: PoolContext): fc.Arbitrary<Genome> {
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
    dropRefreshFlow: fc.boolean(),
  });
}
