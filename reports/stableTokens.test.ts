import { describe, expect, it } from 'vitest';
import { syntheticAnalytics } from '../targets/pool/poolFixture.js';
import { stableTokens, tokenScope } from './stableTokens.js';

/** What one run's SDK view of a create looks like, with the values a run makes up (after a real cognito-local run). */
function sdkOutput(prefix: string, poolId: string, clientId: string, when: string) {
  const analytics = syntheticAnalytics(prefix, 'us-east-1');
  return {
    layer: 'server',
    status: 200,
    output: {
      UserPoolClient: {
        UserPoolId: poolId,
        ClientId: clientId,
        ClientName: 'Jx f!5Jx',
        ClientSecret: '<redacted:25 chars>',
        CreationDate: when,
        LastModifiedDate: when,
        AllowedOAuthScopes: [`https://${prefix}.example/write`, 'openid', `https://${prefix}.example/read`],
        SupportedIdentityProviders: ['COGNITO', `${prefix}-saml`],
        AnalyticsConfiguration: { ApplicationId: analytics.applicationId, ApplicationArn: analytics.applicationArn, RoleArn: analytics.roleArn, ExternalId: analytics.externalId },
      },
    },
    message: `User pool ${poolId} has no client ${clientId}; request ${'7d1e5b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b'} at ${when}`,
    headers: { 'x-amzn-requestid': '7d1e5b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', date: 'Tue, 08 Dec 2026 04:45:55 GMT' },
  };
}

const a = sdkOutput('cc-20261208t044553-6991', 'local_5M7BZPo0', '1dl0f1ihn6cbw7awz619pztip', '2026-12-08T04:45:55.000Z');
const b = sdkOutput('cc-20261208t044600-b8e2', 'local_2UfKNtUK', 'dhrwnu67trhflrch4mdmd837r', '2026-12-08T04:46:01.000Z');
b.headers['x-amzn-requestid'] = 'f0e1d2c3-b4a5-4968-8776-655443322110';
b.message = b.message.replace('7d1e5b0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 'f0e1d2c3-b4a5-4968-8776-655443322110');
// Another run, another order of the same scopes (Cognito returns lists as sets).
b.output.UserPoolClient.AllowedOAuthScopes.reverse();

describe('stableTokens', () => {
  it('two runs that differ only in what a run makes up become equal', () => {
    expect(stableTokens(a)).toEqual(stableTokens(b));
  });

  it('replaces ids, run-scoped names, dates and request ids, wherever they are quoted', () => {
    const t = stableTokens(a);
    expect(t.output.UserPoolClient).toMatchObject({
      UserPoolId: '<UserPoolId:1>', ClientId: '<ClientId:1>', CreationDate: '<CreationDate:1>', LastModifiedDate: '<LastModifiedDate:1>',
      ClientSecret: '<ClientSecret:1>',
      AllowedOAuthScopes: ['https://<run-id:1>.example/read', 'https://<run-id:1>.example/write', 'openid'],
      SupportedIdentityProviders: ['<run-id:1>-saml', 'COGNITO'],
      AnalyticsConfiguration: {
        ApplicationId: '<analytics-application-id:1>',
        ApplicationArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/<analytics-application-id:1>',
        RoleArn: 'arn:aws:iam::123456789012:role/<run-id:1>-analytics',
        ExternalId: '<run-id:1>-external-id',
      },
    });
    expect(t.message).toBe('User pool <UserPoolId:1> has no client <ClientId:1>; request <RequestId:1> at <date:2>');
    expect(t.headers).toEqual({ date: '<date:1>', 'x-amzn-requestid': '<RequestId:1>' });
  });

  it('keeps equal values equal and different ones apart, and numbers them whatever their order', () => {
    const x = { list: [{ ClientId: 'aaaaaaaa', n: 2 }, { ClientId: 'bbbbbbbb', n: 1 }], again: 'bbbbbbbb' };
    const y = { list: [{ ClientId: 'zzzzzzzz', n: 1 }, { ClientId: 'yyyyyyyy', n: 2 }], again: 'zzzzzzzz' };
    expect(stableTokens(x)).toEqual({ again: '<ClientId:1>', list: [{ ClientId: '<ClientId:1>', n: 1 }, { ClientId: '<ClientId:2>', n: 2 }] });
    expect(stableTokens(x)).toEqual(stableTokens(y));
    // Here the id quoted again is the other client's: that is a change.
    expect(stableTokens(x)).not.toEqual(stableTokens({ ...y, again: 'yyyyyyyy' }));
  });

  it('a scope from the whole run recognises an id quoted where no key names it', () => {
    const report = { rules: [{ sdk: { output: { UserPoolClient: { UserPoolId: 'us-east-1_AbCdEf123' } } } }, { observed: { message: 'pool us-east-1_AbCdEf123 not found' } }] };
    expect(stableTokens(report.rules[1], tokenScope(report))).toEqual({ observed: { message: 'pool <UserPoolId:1> not found' } });
    expect(stableTokens(report.rules[1])).toEqual(report.rules[1]);
  });

  it('still shows real changes: a member dropped, another error, another status, a value changed', () => {
    const base = stableTokens(a);
    const dropped = structuredClone(b);
    delete (dropped.output.UserPoolClient as Partial<typeof dropped.output.UserPoolClient>).SupportedIdentityProviders;
    expect(stableTokens(dropped)).not.toEqual(base);
    expect(stableTokens({ ...b, status: 400 })).not.toEqual(base);
    expect(stableTokens({ ...b, errorType: 'InvalidParameterException' })).not.toEqual(base);
    const renamed = structuredClone(b);
    renamed.output.UserPoolClient.ClientName = 'other';
    expect(stableTokens(renamed)).not.toEqual(base);
    const noSecret = structuredClone(b);
    delete (noSecret.output.UserPoolClient as Partial<typeof noSecret.output.UserPoolClient>).ClientSecret;
    expect(stableTokens(noSecret)).not.toEqual(base);
    const lostScope = structuredClone(b);
    lostScope.output.UserPoolClient.AllowedOAuthScopes.pop();
    expect(stableTokens(lostScope)).not.toEqual(base);
  });

  it('secrets as reports hold them (redaction labels) become tokens, equal labels equal tokens, under the key and quoted', () => {
    // Real secrets are 51 or 52 characters at random: the label's length is not a change.
    expect(stableTokens({ ClientSecret: '<redacted:52 chars>', message: 'secret <redacted:52 chars> and <redacted:51 chars #2>' }))
      .toEqual({ ClientSecret: '<ClientSecret:1>', message: 'secret <ClientSecret:1> and <ClientSecret:2>' });
    expect(stableTokens({ ClientSecret: '<redacted:52 chars>' })).toEqual(stableTokens({ ClientSecret: '<redacted:51 chars>' }));
  });

  it('epoch-second dates on the wire become tokens under their keys only', () => {
    expect(stableTokens({ CreationDate: 1764571555.123, RefreshTokenValidity: 1764571555.123 })).toEqual({ CreationDate: '<CreationDate:1>', RefreshTokenValidity: 1764571555.123 });
  });
});
