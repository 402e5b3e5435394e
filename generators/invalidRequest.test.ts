import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, ruleById } from '../contract/contract.js';
import { barePool, fullPool } from '../testing/poolFixtures.js';
import { invalidRequest, whyNoInvalidRequest } from './invalidRequest.js';
import { checkBreaksExactly, generatorBattery } from '../testing/generatorBattery.js';

const SEED = 20260421;
const breakable = contract.rules.filter((r) => r.breakable);

/**
 * Breakable rules no request can break alone, whatever the pool. None: an empty value that also
 * fails a `+` pattern is judged a minimum-length fault only (contract/requestViolations.ts).
 */
const INSEPARABLE: string[] = [];

/** What a pool without resource servers, identity providers or analytics cannot have broken alone. */
const BARE_POOL_GAPS = [
  ...INSEPARABLE,
  // client_credentials takes resource-server scopes only in otherwise-valid requests.
  'oauth.client-credentials.needs-secret',
  'oauth.client-credentials.exclusive',
  'oauth.client-credentials.no-openid',
  'analytics.application-id-or-arn',
  'analytics.application-id-needs-role-and-external-id',
];

describe('invalidRequest', () => {
  it('has a generator for every breakable rule but the inseparable ones, against a full pool', () => {
    const gaps = breakable.filter((r) => !invalidRequest(r, fullPool)).map((r) => r.id);
    expect(gaps).toEqual(INSEPARABLE);
  });

  it('says why it has no generator against a bare pool', () => {
    const gaps = breakable.filter((r) => !invalidRequest(r, barePool)).map((r) => r.id);
    expect(new Set(gaps)).toEqual(new Set(BARE_POOL_GAPS));
    expect(whyNoInvalidRequest(ruleById('oauth.client-credentials.no-openid'), barePool)).toMatch(/lacks .*resource-server/);
    expect(whyNoInvalidRequest(ruleById('analytics.application-id-or-arn'), barePool)).toMatch(/analytics/);
    expect(whyNoInvalidRequest(ruleById('user-pool.exists'), barePool)).toBeUndefined();
  });

  it('has none for rules that are not breakable, and says so', () => {
    for (const rule of contract.rules.filter((r) => !r.breakable)) {
      expect(invalidRequest(rule, fullPool)).toBeUndefined();
      expect(whyNoInvalidRequest(rule, fullPool)).toMatch(/not breakable/);
    }
  });

  describe('battery against a full pool', () => {
    const cases = breakable.filter((r) => !INSEPARABLE.includes(r.id));
    it.each(cases.map((r) => [r.id, r] as const))('%s', (_, rule) => {
      const arbitrary = invalidRequest(rule, fullPool)!;
      generatorBattery({ name: rule.id, kind: 'invalid', pool: fullPool, rule, arbitrary }, { seed: SEED });
    });
  });

  describe('breaks exactly its rule against a bare pool', () => {
    const cases = breakable.filter((r) => !BARE_POOL_GAPS.includes(r.id));
    it.each(cases.map((r) => [r.id, r] as const))('%s', (_, rule) => {
      checkBreaksExactly(invalidRequest(rule, barePool)!, rule, barePool, { seed: SEED });
    });
  });

  it('breaks token ranges in the default unit with values fine in another unit (AccessTokenValidity 25)', () => {
    const rs = fc.sample(invalidRequest(ruleById('token-validity.access.range'), fullPool)!, { seed: SEED, numRuns: 300 }).map((c) => c.request);
    const noUnit = rs.filter((r) => (r.TokenValidityUnits as Record<string, unknown> | undefined)?.AccessToken === undefined);
    expect(noUnit.some((r) => r.AccessTokenValidity === 25)).toBe(true);
    expect(noUnit.length).toBeGreaterThan(rs.length / 3);
    const units = new Set(rs.map((r) => (r.TokenValidityUnits as Record<string, unknown> | undefined)?.AccessToken));
    expect(units).toEqual(new Set([undefined, 'seconds', 'minutes', 'hours', 'days']));
  });

  it('puts non-ASCII into over-long values so that lengths are counted in characters', () => {
    for (const id of ['callback-urls.item-max-length', 'supported-identity-providers.item-max-length', 'read-attributes.item-max-length']) {
      const rs = fc.sample(invalidRequest(ruleById(id), fullPool)!, { seed: SEED, numRuns: 100 });
      expect(rs.some((c) => /[^\x00-\x7f]/.test(JSON.stringify(c.request))), id).toBe(true);
    }
  });

  it('breaks write-attributes.exist-and-writable by leaving out a required attribute as well as by unwritable ones', () => {
    const rs = fc.sample(invalidRequest(ruleById('write-attributes.exist-and-writable'), fullPool)!, { seed: SEED, numRuns: 200 }).map((c) => c.request.WriteAttributes as string[]);
    const leftOut = rs.filter((w) => !w.includes('email'));
    expect(leftOut.length).toBeGreaterThan(20);
    expect(leftOut.every((w) => w.length > 0)).toBe(true);
    expect(rs.some((w) => w.includes('email'))).toBe(true);
  });

  it('breaks oauth.flag-needs-flows-and-scopes with flows, scopes or both missing, absent and empty', () => {
    const rs = fc.sample(invalidRequest(ruleById('oauth.flag-needs-flows-and-scopes'), fullPool)!, { seed: SEED, numRuns: 200 }).map((c) => c.request);
    expect(rs.every((r) => r.AllowedOAuthFlowsUserPoolClient === true)).toBe(true);
    const shape = (v: unknown) => (v === undefined ? 'absent' : (v as unknown[]).length ? 'some' : 'empty');
    const seen = new Set(rs.map((r) => `${shape(r.AllowedOAuthFlows)}/${shape(r.AllowedOAuthScopes)}`));
    expect(seen).toEqual(new Set(['absent/absent', 'empty/empty', 'some/absent', 'some/empty', 'absent/some', 'empty/some']));
  });

  it('carries the rule id, member path and expected error', () => {
    const [c] = fc.sample(invalidRequest(ruleById('oauth.client-credentials.needs-secret'), fullPool)!, { seed: SEED, numRuns: 1 });
    expect(c.ruleId).toBe('oauth.client-credentials.needs-secret');
    expect(c.why).toEqual({ ruleId: c.ruleId, path: 'AllowedOAuthFlows', expected: { errorTypes: ['InvalidOAuthFlowException'], status: 400 } });
  });
});
