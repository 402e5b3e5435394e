import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD_SCOPES } from '../contract/poolContext.js';
import { barePool, fullPool } from '../testing/poolFixtures.js';
import { OPENID, oauthScopes, scopeUniverse, withOpenidWhereNeeded } from './oauthScopes.js';

describe('oauthScopes', () => {
  it('adds openid where phone, email or profile is, even to a full list', () => {
    expect(withOpenidWhereNeeded(['email'])).toEqual(['openid', 'email']);
    expect(withOpenidWhereNeeded(['aws.cognito.signin.user.admin'])).toEqual(['aws.cognito.signin.user.admin']);
    const full = ['phone', ...Array.from({ length: 49 }, (_, i) => `rs/s${i}`)];
    const fixed = withOpenidWhereNeeded(full);
    expect(fixed).toHaveLength(50);
    expect(fixed).toContain(OPENID);
    expect(fixed).toContain('phone');
  });

  it('gives client_credentials resource-server scopes only, and nothing without resource servers', () => {
    expect(scopeUniverse(fullPool, 'client-credentials')).toEqual(fullPool.resourceServerScopes);
    expect(oauthScopes(barePool, 'client-credentials')).toBeUndefined();
    expect(scopeUniverse(barePool, 'code-implicit')).toEqual([...STANDARD_SCOPES]);
  });

  it('makes 1 to 50 distinct existing scopes', () => {
    const lists = fc.sample(oauthScopes(fullPool, 'code-implicit')!, { seed: 1, numRuns: 200 });
    const known = new Set(scopeUniverse(fullPool, 'code-implicit'));
    for (const l of lists) {
      expect(l.length).toBeGreaterThanOrEqual(1);
      expect(l.length).toBeLessThanOrEqual(50);
      expect(new Set(l).size).toBe(l.length);
      expect(l.every((s) => known.has(s))).toBe(true);
      if (l.some((s) => ['phone', 'email', 'profile'].includes(s))) expect(l).toContain(OPENID);
    }
    expect(lists.some((l) => l.length === 50)).toBe(true);
  });
});
