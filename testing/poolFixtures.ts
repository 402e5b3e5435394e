import type { PoolContext } from '../contract/poolContext.js';
import { requestMembers } from '../contract/requestMembers.js';

/**
 * Pool fixtures for offline tests of the generators. Names follow what CreateUserPool,
 * CreateResourceServer and CreateIdentityProvider accept (custom attribute names 1–20 characters of
 * letters/marks/symbols/numbers/punctuation; provider names without spaces or a leading underscore),
 * so a target fixture could create the same pool.
 */

const scopeItem = requestMembers.AllowedOAuthScopes.items!;
const providerItem = requestMembers.SupportedIdentityProviders.items!;
const SCOPE_MAX = scopeItem.length!.max!;
const PROVIDER_MAX = providerItem.length!.max!;
const SCOPES_PER_CLIENT = requestMembers.AllowedOAuthScopes.length!.max!;

// A resource server identifier long enough that `<identifier>/<scope>` is exactly the longest scope
// an app client may name (ScopeType length max), to reach that boundary with an existing scope.
const LONG_SCOPE_NAME = 'max';
const LONG_IDENTIFIER = 'https://long.example.com/' + 'r'.repeat(SCOPE_MAX - 'https://long.example.com/'.length - 1 - LONG_SCOPE_NAME.length);

// More resource-server scopes than a client may name at once, so that a valid client can name the
// maximum number of scopes from resource servers alone (client_credentials takes no standard scope).
const ORDER_SCOPES = Array.from({ length: SCOPES_PER_CLIENT + 5 }, (_, i) => `orders/s${String(i).padStart(2, '0')}`);

export const fullPool: PoolContext = {
  userPoolId: 'us-east-1_Fu11P00lx',
  customAttributes: [
    { name: 'custom:tier', mutable: true },
    { name: 'custom:employee_id', mutable: false },
    { name: 'custom:ティア', mutable: true },
    { name: 'custom:𝒜stral', mutable: false },
    { name: 'custom:abcdefghijklmnopqrst', mutable: true },
  ],
  resourceServerScopes: [
    'https://api.example.com/read',
    'https://api.example.com/write',
    ...ORDER_SCOPES,
    `${LONG_IDENTIFIER}/${LONG_SCOPE_NAME}`,
  ],
  // The fixture pool of a run makes email required too (targets/pool/poolFixture.ts).
  requiredAttributes: ['email'],
  identityProviders: [
    'Google',
    'SignInWithApple',
    'CorpSAML',
    // 32 multi-byte characters: the provider-name boundary real AWS accepted (TF-T supportedIdentityProviders_utf8).
    'あ'.repeat(PROVIDER_MAX),
    '𝒜strâlIdP',
  ],
  analytics: {
    applicationId: '0123456789abcdef0123456789abcdef',
    applicationArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef',
    roleArn: 'arn:aws:iam::123456789012:role/CognitoPinpointAnalytics',
    externalId: 'cognito-conformance-external-id',
  },
};

/** A pool with nothing in it but itself: rules that need fixtures have no cases here. */
export const barePool: PoolContext = {
  userPoolId: 'eu-west-1_Bare0Pool',
  customAttributes: [],
  resourceServerScopes: [],
  identityProviders: [],
};
