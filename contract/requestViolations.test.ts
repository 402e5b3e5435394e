import { describe, expect, it } from 'vitest';
import type { PoolContext } from './poolContext.js';
import { requestViolations, urlFacts } from './requestViolations.js';

const pool: PoolContext = {
  userPoolId: 'us-east-1_AbC123xyz',
  customAttributes: [{ name: 'custom:tier', mutable: true }, { name: 'custom:born', mutable: false }],
  resourceServerScopes: ['https://api.example/read'],
  identityProviders: ['Corp'],
};
const base = { UserPoolId: pool.userPoolId, ClientName: 'app' };
const v = (extra: Record<string, unknown>) => requestViolations({ ...base, ...extra }, pool);

describe('requestViolations', () => {
  it('accepts a minimal request and a rich valid one', () => {
    expect(v({})).toEqual([]);
    expect(v({
      GenerateSecret: true,
      AccessTokenValidity: 5, IdTokenValidity: 86400, RefreshTokenValidity: 3650,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'seconds' },
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'https://api.example/read'],
      CallbackURLs: ['https://app.example/cb', 'http://127.0.0.1:8080/cb', 'myapp://cb'], DefaultRedirectURI: 'myapp://cb',
      SupportedIdentityProviders: ['COGNITO', 'Corp'], ReadAttributes: ['email', 'custom:born'], WriteAttributes: ['email'],
      EnablePropagateAdditionalUserContextData: true, AuthSessionValidity: 15,
    })).toEqual([]);
  });

  it('names model constraints by member path, counting characters not bytes', () => {
    expect(v({ ClientName: 'x'.repeat(129) })).toEqual(['client-name.max-length']);
    expect(v({ CallbackURLs: ['https://a.example/' + 'あ'.repeat(1006)] })).toEqual([]);
    expect(v({ CallbackURLs: ['https://a.example/' + 'あ'.repeat(1007)] })).toEqual(['callback-urls.item-max-length']);
    expect(v({ TokenValidityUnits: { AccessToken: 'weeks' } })).toEqual(['token-validity-units.access-token.enum']);
    expect(requestViolations({ ClientName: 'a' }, pool)).toEqual(['user-pool-id.required']);
    expect(v({ RefreshTokenRotation: { RetryGracePeriodSeconds: 1 } })).toEqual(['refresh-token-rotation.feature.required']);
    expect(v({ AllowedOAuthScopes: Array.from({ length: 51 }, () => 'openid') })).toEqual(['allowed-oauth-scopes.max-items']);
  });

  it('judges an empty value a minimum-length fault, not a pattern fault', () => {
    expect(v({ ClientName: '' })).toEqual(['client-name.min-length']);
    expect(v({ CallbackURLs: [''] })).toEqual(['callback-urls.item-min-length']);
  });

  it('reads \\s in model patterns as Java does: ASCII whitespace only', () => {
    expect(v({ ClientName: 'my app' })).toEqual([]);
    expect(v({ ClientName: 'my\u3000app' })).toEqual(['client-name.pattern']);
    expect(v({ ClientName: 'my\u00a0app' })).toEqual(['client-name.pattern']);
  });

  it('lets model constraints hide cross-field rules, as the service validates them first', () => {
    expect(v({ AccessTokenValidity: 0 })).toEqual(['access-token-validity.min']);
  });

  it('reads token validities in their units, hours and days by default', () => {
    expect(v({ AccessTokenValidity: 24 })).toEqual([]);
    expect(v({ AccessTokenValidity: 25 })).toEqual(['token-validity.access.range']);
    expect(v({ IdTokenValidity: 299, TokenValidityUnits: { IdToken: 'seconds' } })).toEqual(['token-validity.id.range']);
    expect(v({ RefreshTokenValidity: 59, TokenValidityUnits: { RefreshToken: 'minutes' } })).toEqual(['token-validity.refresh.range']);
    expect(v({ RefreshTokenValidity: 3651 })).toEqual(['token-validity.refresh.range']);
    expect(v({ RefreshTokenValidity: 0 })).toEqual([]);
    expect(v({ TokenValidityUnits: { AccessToken: 'minutes' } })).toEqual(['token-validity.unit-without-value']);
    expect(v({ TokenValidityUnits: { AccessToken: 'days', RefreshToken: 'hours' } })).toEqual([]);
  });

  it('judges the cross-field rules', () => {
    expect(v({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })).toEqual(['explicit-auth-flows.no-legacy-mix']);
    // Accepted since (at least) 2025: explicit-auth-flows.refresh-token-auth-optional.
    expect(v({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] })).toEqual([]);
    expect(v({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], RefreshTokenRotation: { Feature: 'ENABLED' } })).toEqual([]);
    expect(v({ CallbackURLs: ['https://a.example'], DefaultRedirectURI: 'https://b.example' })).toEqual(['default-redirect-uri.in-callback-urls']);
    expect(v({ CallbackURLs: ['http://app.example/cb'] })).toEqual(['callback-urls.https-except-loopback']);
    expect(v({ CallbackURLs: ['https://app.example/cb#x'] })).toEqual(['callback-urls.no-fragment']);
    expect(v({ CallbackURLs: ['/relative/cb'] })).toEqual(['callback-urls.absolute']);
    expect(v({ LogoutURLs: ['http://app.example/bye'] })).toEqual(['logout-urls.same-rules-as-callback']);
    expect(v({ AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['https://api.example/read'] })).toEqual(['oauth.client-credentials.needs-secret']);
    expect(v({ GenerateSecret: true, AllowedOAuthFlows: ['client_credentials', 'code'], CallbackURLs: ['https://a.example'] })).toEqual(['oauth.client-credentials.exclusive']);
    expect(v({ GenerateSecret: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['openid'] })).toEqual(['oauth.client-credentials.no-openid']);
    expect(v({ AllowedOAuthFlows: ['implicit'] })).toEqual(['oauth.code-implicit.need-callback']);
    expect(v({ AllowedOAuthScopes: ['nope/read'] })).toEqual(['oauth.scopes.exist']);
    const callback = { CallbackURLs: ['https://a.example'] };
    for (const lists of [{}, { AllowedOAuthFlows: ['code'] }, { AllowedOAuthScopes: ['openid'] }, { AllowedOAuthFlows: [], AllowedOAuthScopes: ['openid'] }, { AllowedOAuthFlows: ['code'], AllowedOAuthScopes: [] }]) {
      expect(v({ AllowedOAuthFlowsUserPoolClient: true, ...callback, ...lists }), JSON.stringify(lists)).toEqual(['oauth.flag-needs-flows-and-scopes']);
    }
    expect(v({ AllowedOAuthFlowsUserPoolClient: false, AllowedOAuthFlows: [], AllowedOAuthScopes: [] })).toEqual([]);
    expect(v({ SupportedIdentityProviders: ['Google'] })).toEqual(['supported-identity-providers.exist']);
    expect(v({ ReadAttributes: ['custom:nope'] })).toEqual(['read-attributes.exist']);
    expect(v({ WriteAttributes: ['custom:born'] })).toEqual(['write-attributes.exist-and-writable']);
    expect(v({ GenerateSecret: true, ClientSecret: 'a'.repeat(24) })).toEqual(['client-secret.not-with-generate-secret']);
    expect(v({ EnablePropagateAdditionalUserContextData: true })).toEqual(['propagate-user-context.needs-secret']);
    expect(v({ AnalyticsConfiguration: { UserDataShared: true } })).toEqual(['analytics.application-id-or-arn']);
    expect(v({ AnalyticsConfiguration: { ApplicationId: 'abc123' } })).toEqual(['analytics.application-id-needs-role-and-external-id']);
    expect(v({ UserPoolId: 'us-east-1_Missing1' })).toEqual(['user-pool.exists']);
  });

  it('wants every required attribute of the pool in a WriteAttributes list, when one is given', () => {
    const required: PoolContext = { ...pool, requiredAttributes: ['email', 'sub'], customAttributes: [...pool.customAttributes, { name: 'custom:must', mutable: true, required: true }] };
    const w = (extra: Record<string, unknown>) => requestViolations({ ...base, ...extra }, required);
    expect(w({})).toEqual([]);
    expect(w({ ReadAttributes: ['name'] })).toEqual([]);
    expect(w({ WriteAttributes: ['email', 'custom:must', 'name'] })).toEqual([]);
    expect(w({ WriteAttributes: ['name', 'custom:must'] })).toEqual(['write-attributes.exist-and-writable']);
    expect(w({ WriteAttributes: ['email'] })).toEqual(['write-attributes.exist-and-writable']);
    expect(w({ WriteAttributes: [] })).toEqual(['write-attributes.exist-and-writable']);
    // sub is required in every pool and never writable: it is not asked for.
    expect(w({ WriteAttributes: ['email', 'custom:must'] })).toEqual([]);
  });

  it('treats loopback http and custom schemes as allowed callback URLs', () => {
    for (const u of ['http://localhost', 'http://localhost:3000/cb', 'http://127.0.0.1:9/x', 'http://[::1]:8080/', 'myapp://cb', 'https://ä.example/ü']) {
      expect(urlFacts(u), u).toEqual({ absolute: true, fragment: false, httpsOrLoopback: true });
    }
  });
});
