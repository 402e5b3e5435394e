import { ruleById } from '../contract/contract.js';
import type { PoolContext } from '../contract/poolContext.js';
import type { TestCase } from '../generators/testCase.js';
import type { Exchange } from '../targets/exchange.js';
import type { Observation } from '../oracles/observation.js';
import { createdClient } from '../oracles/createdClient.js';
import { sendToFake } from './sendToFake.js';
import { PROBES } from '../contract/probeRules.js';
import { probeCase } from '../generators/fixedCases.js';

/**
 * The planted-fault battery: a pool with fixtures, a handful of hand-built valid requests that
 * touch every response member, and one invalid request per error the fake can give (a model
 * constraint, a missing pool, each non-InvalidParameter error type, cross-field and existence
 * rules), then every probe (contract/probeRules.ts). Hand-built on purpose: the oracles are proven
 * independently of the generators. Every case is observed the way a suite observes it, with every
 * extra the oracles can use.
 */
const RESOURCE_SERVER = 'https://api.example.com';
/** The battery's pool is made unsigned, which the fake reads as us-east-1; region rules' cases are signed for this one. */
export const BATTERY_OTHER_REGION = 'eu-west-1';
const IDP = 'ExampleOIDC';

export async function setUpBatteryPool(endpoint: string): Promise<PoolContext> {
  const ok = (e: Exchange): Exchange => {
    if (e.status !== 200) throw new Error(`fixture ${e.operation} failed: HTTP ${e.status} ${e.rawBody}`);
    return e;
  };
  const created = ok(await sendToFake(endpoint, 'CreateUserPool', {
    PoolName: 'oracle-battery',
    Schema: [
      { Name: 'tier', AttributeDataType: 'String', Mutable: true },
      { Name: 'ro', AttributeDataType: 'String', Mutable: false },
    ],
  }));
  const userPoolId = (created.body as { UserPool: { Id: string } }).UserPool.Id;
  ok(await sendToFake(endpoint, 'CreateResourceServer', {
    UserPoolId: userPoolId, Identifier: RESOURCE_SERVER, Name: 'api',
    Scopes: [{ ScopeName: 'read', ScopeDescription: 'read' }, { ScopeName: 'write', ScopeDescription: 'write' }],
  }));
  ok(await sendToFake(endpoint, 'CreateIdentityProvider', {
    UserPoolId: userPoolId, ProviderName: IDP, ProviderType: 'OIDC',
    ProviderDetails: { client_id: 'battery', authorize_scopes: 'openid', oidc_issuer: 'https://issuer.example.com', attributes_request_method: 'GET' },
  }));
  return {
    userPoolId,
    customAttributes: [{ name: 'custom:tier', mutable: true }, { name: 'custom:ro', mutable: false }],
    resourceServerScopes: [`${RESOURCE_SERVER}/read`, `${RESOURCE_SERVER}/write`],
    identityProviders: [IDP],
  };
}

function valid(ruleId: string, request: Record<string, unknown>): TestCase {
  ruleById(ruleId);
  return { ruleId, request };
}

function invalid(ruleId: string, path: string, request: Record<string, unknown>): TestCase {
  const rule = ruleById(ruleId);
  if (rule.expect.outcome !== 'rejected') throw new Error(`${ruleId} is not a rejection rule`);
  return { ruleId, request, why: { ruleId, path, expected: { errorTypes: rule.expect.errorTypes, status: rule.expect.status } } };
}

export function batteryCases(pool: PoolContext): TestCase[] {
  const P = pool.userPoolId;
  const read = `${RESOURCE_SERVER}/read`;
  return [
    valid('default.refresh-token-validity', { UserPoolId: P, ClientName: 'minimal' }),
    valid('output.echo', {
      UserPoolId: P, ClientName: 'full web client', GenerateSecret: true,
      RefreshTokenValidity: 10, AccessTokenValidity: 60, IdTokenValidity: 2,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'days' },
      ReadAttributes: ['email', 'custom:tier', 'name'], WriteAttributes: ['email', 'custom:tier'],
      SupportedIdentityProviders: ['COGNITO', IDP],
      CallbackURLs: ['https://app.example.com/cb', 'http://localhost:3000/cb', 'myapp://cb'],
      LogoutURLs: ['https://app.example.com/out'], DefaultRedirectURI: 'https://app.example.com/cb',
      AllowedOAuthFlows: ['code', 'implicit'], AllowedOAuthScopes: ['openid', 'email', read], AllowedOAuthFlowsUserPoolClient: true,
      PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: false, EnablePropagateAdditionalUserContextData: true,
      AuthSessionValidity: 5, RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    }),
    valid('output.client-secret.format', {
      UserPoolId: P, ClientName: 'machine', GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: [read, `${RESOURCE_SERVER}/write`], AllowedOAuthFlowsUserPoolClient: true,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'],
      AccessTokenValidity: 24, TokenValidityUnits: { AccessToken: 'hours' },
    }),
    // Values accepted only when read in their default units (token-validity.default-units).
    valid('token-validity.default-units', { UserPoolId: P, ClientName: 'default units', AccessTokenValidity: 1, IdTokenValidity: 24, RefreshTokenValidity: 1 }),
    valid('refresh-token-validity.zero-means-default', {
      UserPoolId: P, ClientName: 'legacy', RefreshTokenValidity: 0, AccessTokenValidity: 3, IdTokenValidity: 3, ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'],
    }),
    // An ALLOW_* list without ALLOW_REFRESH_TOKEN_AUTH, as real AWS accepted it in 2025.
    valid('explicit-auth-flows.refresh-token-auth-optional', { UserPoolId: P, ClientName: 'password only', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }),
    valid('output.echo', {
      UserPoolId: P, ClientName: 'analytics by arn',
      AnalyticsConfiguration: { ApplicationArn: `arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef`, UserDataShared: true },
    }),
    valid('output.lists-as-sets', {
      UserPoolId: P, ClientName: 'empty lists', GenerateSecret: false, CallbackURLs: [], LogoutURLs: [], ReadAttributes: [],
      AnalyticsConfiguration: { ApplicationId: '0123456789abcdef0123456789abcdef', RoleArn: 'arn:aws:iam::123456789012:role/pinpoint', ExternalId: 'ext-1', UserDataShared: false },
    }),
    invalid('client-name.max-length', 'ClientName', { UserPoolId: P, ClientName: 'n'.repeat(129) }),
    invalid('user-pool.exists', 'UserPoolId', { UserPoolId: 'us-east-1_NoSuchPool1', ClientName: 'orphan' }),
    invalid('oauth.client-credentials.needs-secret', 'AllowedOAuthFlows', {
      UserPoolId: P, ClientName: 'cc without secret', AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: [read], AllowedOAuthFlowsUserPoolClient: true,
    }),
    invalid('oauth.flag-needs-flows-and-scopes', 'AllowedOAuthFlowsUserPoolClient', {
      UserPoolId: P, ClientName: 'oauth without scopes', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], CallbackURLs: ['https://app.example.com/cb'],
    }),
    invalid('oauth.scopes.exist', 'AllowedOAuthScopes[]', {
      UserPoolId: P, ClientName: 'unknown scope', AllowedOAuthFlows: ['code'], CallbackURLs: ['https://app.example.com/cb'],
      AllowedOAuthScopes: [`${RESOURCE_SERVER}/delete`], AllowedOAuthFlowsUserPoolClient: true,
    }),
    invalid('default-redirect-uri.in-callback-urls', 'DefaultRedirectURI', {
      UserPoolId: P, ClientName: 'stray redirect', CallbackURLs: ['https://app.example.com/cb'], DefaultRedirectURI: 'https://other.example.com/cb',
    }),
    invalid('token-validity.access.range', 'AccessTokenValidity', { UserPoolId: P, ClientName: 'long access', AccessTokenValidity: 25 }),
    invalid('write-attributes.exist-and-writable', 'WriteAttributes[]', { UserPoolId: P, ClientName: 'writes read-only', WriteAttributes: ['custom:ro'] }),
    invalid('client-secret.not-with-generate-secret', 'ClientSecret', {
      UserPoolId: P, ClientName: 'two secrets', GenerateSecret: true, ClientSecret: 'custom0secret0value0of0thirty0two',
    }),
    // A valid request for the battery's pool, sent signed for another region (observeOnFake).
    invalid('region.pool-scoped', 'UserPoolId', { UserPoolId: P, ClientName: 'from another region' }),
  ];
}

/** Sends one case and gathers the create, Describe, the listings around it and the earlier ids. */
export async function observeOnFake(endpoint: string, userPoolId: string, testCase: TestCase, earlier: Set<string>): Promise<Observation> {
  const list = () => sendToFake(endpoint, 'ListUserPoolClients', { UserPoolId: userPoolId, MaxResults: 60 });
  const listBefore = await list();
  const earlierClientIds = new Set(earlier);
  const sentAt = Date.now();
  const throughOtherRegion = ruleById(testCase.ruleId).via === 'other-region';
  const create = await sendToFake(endpoint, 'CreateUserPoolClient', testCase.request, throughOtherRegion ? BATTERY_OTHER_REGION : undefined);
  const receivedAt = Date.now();
  const id = createdClient(create)?.ClientId;
  const describe = typeof id === 'string' ? await sendToFake(endpoint, 'DescribeUserPoolClient', { UserPoolId: userPoolId, ClientId: id }) : undefined;
  const listAfter = await list();
  if (typeof id === 'string') earlier.add(id);
  return { rule: ruleById(testCase.ruleId), testCase, create, sentAt, receivedAt, describe, listBefore, listAfter, earlierClientIds };
}

/** Sends one probe (contract/probeRules.ts) alone, as runner/observeCase.ts does. */
export async function observeProbeOnFake(endpoint: string, testCase: TestCase): Promise<Observation> {
  const sentAt = Date.now();
  const create = await sendToFake(endpoint, testCase.operation ?? 'CreateUserPoolClient', testCase.request, undefined, testCase.rawBody);
  return { rule: ruleById(testCase.ruleId), testCase, create, sentAt, receivedAt: Date.now() };
}

/** The whole battery against one fake: its pool, every case in order, then every probe. */
export async function runFakeBattery(endpoint: string): Promise<Observation[]> {
  const pool = await setUpBatteryPool(endpoint);
  const earlier = new Set<string>();
  const out: Observation[] = [];
  for (const testCase of batteryCases(pool)) out.push(await observeOnFake(endpoint, pool.userPoolId, testCase, earlier));
  for (const probe of PROBES) out.push(await observeProbeOnFake(endpoint, probeCase(probe, pool)));
  return out;
}
