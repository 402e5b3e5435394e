import { describe, expect, it } from 'vitest';
import { blamedMembers, ruleTopMembers, sameMessage } from './blamedMembers.js';

const blamed = (m: string | undefined) => [...blamedMembers(m)].sort();

describe('blamedMembers', () => {
  it('reads the member path of a model-validation message', () => {
    expect(blamed("1 validation error detected: Value '[code, token]' at 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [implicit, client_credentials, code]]")).toEqual(['AllowedOAuthFlows']);
    expect(blamed("2 validation errors detected: Value '[]' at 'callbackURLs.1.member' failed to satisfy constraint; Value '' at 'logoutURLs.1.member' failed")).toEqual(['CallbackURLs', 'LogoutURLs']);
  });

  it('reads member names the message spells, ignoring case', () => {
    expect(blamed('CallbackUrls can not be empty when code flow or implicit flow is selected')).toEqual(['CallbackURLs']);
    expect(blamed('AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.')).toEqual(['AllowedOAuthFlows', 'AllowedOAuthScopes']);
  });

  it('reads the wording of the messages AWS sends without a member name', () => {
    expect(blamed('Invalid range for token validity.')).toEqual(['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'TokenValidityUnits']);
    expect(blamed('REFRESH_TOKEN_AUTH should always be allowed.')).toEqual(['ExplicitAuthFlows']);
    expect(blamed('client_credentials flow can not be selected if client does not have a client secret.')).toEqual(['AllowedOAuthFlows', 'ClientSecret', 'GenerateSecret']);
    expect(blamed('openid is not supported with client_credentials flow')).toEqual(['AllowedOAuthFlows', 'AllowedOAuthScopes']);
    expect(blamed('Invalid scope requested: Cognito')).toEqual(['AllowedOAuthScopes']);
    expect(blamed('The provider Google does not exist for User Pool us-east-1_XXXXXXXXX')).toEqual(['SupportedIdentityProviders']);
    expect(blamed('Invalid write attributes specified while creating a client')).toEqual(['WriteAttributes']);
    expect(blamed('Invalid read attributes specified while creating a client')).toEqual(['ReadAttributes']);
    expect(blamed('User pool us-east-1_abc does not exist.')).toEqual(['UserPoolId']);
  });

  it('blames nothing it cannot read', () => {
    expect(blamed('Rate exceeded')).toEqual([]);
    expect(blamed(undefined)).toEqual([]);
  });

  it('compares messages without case, surrounding space or a final period', () => {
    expect(sameMessage('Invalid range for token validity', 'Invalid range for token validity.')).toBe(true);
    expect(sameMessage(' invalid RANGE for token validity. ', 'Invalid range for token validity.')).toBe(true);
    expect(sameMessage('Invalid range', 'Invalid range for token validity.')).toBe(false);
    expect(sameMessage(undefined, 'x')).toBe(false);
  });

  it('names a rule by its top-level members', () => {
    expect([...ruleTopMembers(['CallbackURLs[]', 'TokenValidityUnits.AccessToken', 'AccessTokenValidity'])]).toEqual(['CallbackURLs', 'TokenValidityUnits', 'AccessTokenValidity']);
  });
});
