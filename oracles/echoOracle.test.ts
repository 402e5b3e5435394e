import { describe, expect, it } from 'vitest';
import { echoOracle } from './echoOracle.js';
import { POOL_ID, acceptedClient, acceptedCreate, invalidCase, makeObservation, rejectedCreate, validCase } from '../testing/observationFixture.js';

const base = { UserPoolId: POOL_ID, ClientName: 'web' };
const run = (request: Record<string, unknown>, over: Record<string, unknown> = {}) =>
  echoOracle.check(makeObservation(validCase(request), acceptedCreate(request, acceptedClient(request, over))));
const byRule = (vs: ReturnType<typeof run>) => Object.fromEntries(vs.map((v) => [v.ruleId, v.ok]));

describe('echo oracle (output.echo, output.lists-as-sets)', () => {
  it('passes values echoed as sent, and lists reordered (the AWS CLI example of 2024)', () => {
    const request = { ...base, CallbackURLs: ['https://amazon.com', 'https://example.com', 'http://localhost', 'myapp://example'], AllowedOAuthFlows: ['code', 'implicit'], AuthSessionValidity: 4 };
    const vs = run(request, { CallbackURLs: ['https://example.com', 'https://amazon.com', 'myapp://example', 'http://localhost'], AllowedOAuthFlows: ['implicit', 'code'] });
    expect(byRule(vs)).toEqual({ 'output.echo': true, 'output.lists-as-sets': true });
  });

  it('fails a changed scalar, naming member, sent and returned value', () => {
    const [v] = run({ ...base, AuthSessionValidity: 4 }, { AuthSessionValidity: 5 });
    expect(v).toMatchObject({ ruleId: 'output.echo', ok: false, expected: { AuthSessionValidity: 4 }, observed: { AuthSessionValidity: 5 } });
    expect(v.message).toBe('AuthSessionValidity: sent 4, got 5');
  });

  it('fails a list item dropped or added, and an absent list', () => {
    const request = { ...base, ReadAttributes: ['email', 'name'], WriteAttributes: ['email'] };
    const [, lists] = run(request, { ReadAttributes: ['name'], WriteAttributes: undefined });
    expect(lists.ok).toBe(false);
    expect(lists.message).toContain('ReadAttributes: missing ["email"]');
    expect(lists.message).toContain('WriteAttributes: sent 1 item(s), got absent');
    const [, extra] = run({ ...base, ReadAttributes: ['email'] }, { ReadAttributes: ['email', 'phone_number'] });
    expect(extra.message).toContain('extra ["phone_number"]');
  });

  it('accepts an empty list back as [] or absent', () => {
    const request = { ...base, CallbackURLs: [] };
    expect(byRule(run(request))['output.lists-as-sets']).toBe(true);
    expect(byRule(run(request, { CallbackURLs: undefined }))['output.lists-as-sets']).toBe(true);
  });

  it('expects TokenValidityUnits exactly as sent', () => {
    const request = { ...base, AccessTokenValidity: 24, TokenValidityUnits: { AccessToken: 'hours' } };
    expect(byRule(run(request))['output.echo']).toBe(true);
    const [v] = run(request, { TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' } });
    expect(v.ok).toBe(false);
    expect(v.message).toContain('TokenValidityUnits');
  });

  it('expects RefreshTokenValidity 0 back as 30, and shows 30 as the expectation (not the 0 sent)', () => {
    const request = { ...base, RefreshTokenValidity: 0 };
    expect(byRule(run(request))['output.echo']).toBe(true);
    const [v] = run(request, { RefreshTokenValidity: 0 });
    expect(v).toMatchObject({ ok: false, expected: { RefreshTokenValidity: 30 }, observed: { RefreshTokenValidity: 0 } });
  });

  it('lets AnalyticsConfiguration with ApplicationArn gain the service-linked RoleArn, nothing else', () => {
    const request = { ...base, AnalyticsConfiguration: { ApplicationArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', UserDataShared: true } };
    const role = 'arn:aws:iam::123456789012:role/aws-service-role/cognito-idp.amazonaws.com/AWSServiceRoleForAmazonCognitoIdp';
    expect(byRule(run(request, { AnalyticsConfiguration: { ...request.AnalyticsConfiguration, RoleArn: role } }))['output.echo']).toBe(true);
    expect(byRule(run(request, { AnalyticsConfiguration: { ...request.AnalyticsConfiguration, RoleArn: 'arn:aws:iam::123456789012:role/other' } }))['output.echo']).toBe(false);
    expect(byRule(run(request, { AnalyticsConfiguration: { ...request.AnalyticsConfiguration, ExternalId: 'x' } }))['output.echo']).toBe(false);
    const byId = { ...base, AnalyticsConfiguration: { ApplicationId: 'abc', RoleArn: 'arn:aws:iam::123456789012:role/pinpoint', ExternalId: 'e' } };
    expect(byRule(run(byId, { AnalyticsConfiguration: { ...byId.AnalyticsConfiguration, UserDataShared: false } }))['output.echo']).toBe(true);
  });

  it('does not judge ClientSecret or GenerateSecret', () => {
    const request = { ...base, GenerateSecret: true, ClientSecret: 'custom0secret0value0of0thirty0two' };
    expect(byRule(run(request, { ClientSecret: undefined }))['output.echo']).toBe(true);
  });

  it('fails a valid request that was rejected; skips invalid cases', () => {
    const vs = echoOracle.check(makeObservation(validCase({ ...base, CallbackURLs: ['https://a.example'] }), rejectedCreate('InvalidParameterException')));
    expect(vs.map((v) => [v.ruleId, v.ok])).toEqual([['output.echo', false], ['output.lists-as-sets', false]]);
    expect(vs[0].message).toContain('valid request rejected: InvalidParameterException');
    const bad = { ...base, AuthSessionValidity: 16 };
    expect(echoOracle.check(makeObservation(invalidCase('auth-session-validity.max', bad), acceptedCreate(bad, acceptedClient(bad, { AuthSessionValidity: 3 }))))).toEqual([]);
  });
});
