import { describe, expect, it } from 'vitest';
import { requestMembers } from '../contract/requestMembers.js';
import { requestViolations } from '../contract/requestViolations.js';
import { barePool, fullPool } from './poolFixtures.js';
import { charLength, patternRegExp } from '../generators/patternChars.js';

describe('poolFixtures', () => {
  it('gives the full pool every fixture a rule may need, within the model', () => {
    expect(fullPool.customAttributes.some((a) => a.mutable)).toBe(true);
    expect(fullPool.customAttributes.some((a) => !a.mutable)).toBe(true);
    expect(fullPool.analytics).toBeDefined();
    expect(fullPool.identityProviders.length).toBeGreaterThan(0);
    expect(fullPool.resourceServerScopes.length).toBeGreaterThan(requestMembers.AllowedOAuthScopes.length!.max!);
    const scope = requestMembers.AllowedOAuthScopes.items!;
    for (const s of fullPool.resourceServerScopes) expect(patternRegExp(scope.pattern!).test(s) && charLength(s) <= scope.length!.max!).toBe(true);
    expect(fullPool.resourceServerScopes.some((s) => charLength(s) === scope.length!.max!)).toBe(true);
    const idp = requestMembers.SupportedIdentityProviders.items!;
    for (const p of fullPool.identityProviders) expect(patternRegExp(idp.pattern!).test(p) && charLength(p) <= idp.length!.max!).toBe(true);
  });

  it('has pool ids and analytics values a valid request can use', () => {
    for (const pool of [fullPool, barePool]) expect(requestViolations({ UserPoolId: pool.userPoolId, ClientName: 'a' }, pool)).toEqual([]);
    const a = fullPool.analytics!;
    const request = { UserPoolId: fullPool.userPoolId, ClientName: 'a' };
    expect(requestViolations({ ...request, AnalyticsConfiguration: { ApplicationArn: a.applicationArn } }, fullPool)).toEqual([]);
    expect(requestViolations({ ...request, AnalyticsConfiguration: { ApplicationId: a.applicationId, RoleArn: a.roleArn, ExternalId: a.externalId } }, fullPool)).toEqual([]);
  });
});
