import { describe, expect, it } from 'vitest';
import { contract } from '../../contract/contract.js';
import type { MemberNode } from '../../contract/memberNode.js';
import { redactSecrets, secretsIn } from '../../oracles/redact.js';
import { clientSecretsInText } from './scrubSecrets.js';
import { isSecretMember, KEPT_SENSITIVE_MEMBERS, redactHeaders, SECRET_HEADERS, SECRET_MEMBERS, sensitiveMemberNames } from './sensitiveMembers.js';

describe('secret members, from the model’s sensitive trait', () => {
  it('are ClientSecret today: the sensitive members of request and response, less ClientId', () => {
    expect(SECRET_MEMBERS).toEqual(['ClientSecret']);
    expect(sensitiveMemberNames(contract.output)).toEqual(['ClientId', 'ClientSecret']);
    expect(sensitiveMemberNames(contract.input)).toEqual(['ClientSecret']);
  });

  it('keep ClientId as an explicit, documented exception, and only members the model marks', () => {
    expect(Object.keys(KEPT_SENSITIVE_MEMBERS)).toEqual(['ClientId']);
    expect(KEPT_SENSITIVE_MEMBERS.ClientId).toMatch(/public identifier/);
    expect(isSecretMember('ClientId')).toBe(false);
    expect(redactSecrets({ ClientId: '1example23456789abcdefghij' })).toEqual({ ClientId: '1example23456789abcdefghij' });
    for (const kept of Object.keys(KEPT_SENSITIVE_MEMBERS)) expect(sensitiveMemberNames(contract.output)).toContain(kept);
  });

  it('follow the contract: a member marked sensitive at any depth is found', () => {
    const planted: Record<string, MemberNode> = {
      Plain: { type: 'string' },
      Outer: { type: 'structure', members: { Token: { type: 'string', sensitive: true }, Other: { type: 'integer' } } },
      Keys: { type: 'list', items: { type: 'string', sensitive: true } },
    };
    expect(sensitiveMemberNames(planted)).toEqual(['Keys', 'Token']);
  });

  it('drive the redaction of values, of JSON text and of transport messages (case-insensitive keys)', () => {
    const secret = '1abcdefghijklmnopqrstuv0123456789abcdefghijklmnopq';
    expect(isSecretMember('clientsecret')).toBe(true);
    expect(secretsIn({ UserPoolClient: { ClientSecret: secret } })).toEqual([secret]);
    expect(redactSecrets({ rawBody: `{"ClientSecret": "${secret}"}` })).toEqual({ rawBody: '{"ClientSecret": "<redacted:50 chars>"}' });
    expect(clientSecretsInText(`{"clientSecret":"${secret}"`)).toEqual([secret]);
  });
});

describe('redactHeaders', () => {
  it('replaces the signature and the session token, whatever their case, and keeps the rest', () => {
    expect(SECRET_HEADERS).toEqual(['authorization', 'x-amz-security-token', 'cookie', 'set-cookie']);
    expect(redactHeaders({
      Authorization: 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-east-1/cognito-idp/aws4_request, Signature=abc',
      'X-Amz-Security-Token': 'token',
      'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserPoolClient',
    })).toEqual({ Authorization: '<redacted>', 'X-Amz-Security-Token': '<redacted>', 'x-amz-target': 'AWSCognitoIdentityProviderService.CreateUserPoolClient' });
  });
});
