import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, ruleById } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import { createHttpTarget } from '../targets/transports/httpTarget.js';
import { createCleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import { createPoolFixture } from '../targets/pool/poolFixture.js';
import { AWS_QUOTA_RATES } from '../targets/pacing/quotaLimiter.js';
import { newRunIdPrefix } from '../targets/pool/runIdPrefix.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { fixtureNames, formatPlan, planRun, requestsPerCase, type PlanTarget } from './runPlan.js';
import { selectRules } from './selectRules.js';

const PREFIX = 'cc-20261126t063310-3f9a';
const AWS: PlanTarget = { name: 'aws', kind: 'aws', endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/', region: 'eu-west-1', transport: 'http', concurrency: 4 };
const EMULATOR: PlanTarget = { name: 'localstack', kind: 'emulator', endpoint: 'http://localhost:4566/', region: 'us-east-1', transport: 'http', concurrency: 8 };

describe('requestsPerCase', () => {
  it('follows observeCase: create, delete when created, describe and list for consistency, two lists for side effects', () => {
    expect(requestsPerCase(ruleById('client-name.max-length'))).toEqual({
      CreateUserPoolClient: { expected: 1, atMost: 1 }, DeleteUserPoolClient: { expected: 0, atMost: 1 },
    });
    expect(requestsPerCase(ruleById('default.refresh-token-validity'))).toEqual({
      CreateUserPoolClient: { expected: 1, atMost: 1 }, DeleteUserPoolClient: { expected: 1, atMost: 1 },
    });
    expect(requestsPerCase(ruleById('consistency.describe-matches-create'))).toEqual({
      ListUserPoolClients: { expected: 1, atMost: 1 }, CreateUserPoolClient: { expected: 1, atMost: 1 },
      DescribeUserPoolClient: { expected: 1, atMost: 1 }, DeleteUserPoolClient: { expected: 1, atMost: 1 },
    });
    expect(requestsPerCase(ruleById('side-effect.none-on-rejection'))).toEqual({
      ListUserPoolClients: { expected: 2, atMost: 2 }, CreateUserPoolClient: { expected: 1, atMost: 1 }, DeleteUserPoolClient: { expected: 0, atMost: 1 },
    });
    expect(requestsPerCase(ruleById('protocol.content-type')).DeleteUserPoolClient).toEqual({ expected: 0.5, atMost: 1 });
  });
});

describe('planRun', () => {
  const rules = selectRules(contract.rules, ALL_KINDS, 'default.*,consistency.*,analytics.*,client-name.max-length');

  it('plans the region rule as a refused create per case, and skips it with the reason when the run has no second region', () => {
    const region = [ruleById('region.pool-scoped')];
    expect(requestsPerCase(region[0]!)).toEqual({ CreateUserPoolClient: { expected: 1, atMost: 1 }, DeleteUserPoolClient: { expected: 0, atMost: 1 } });
    const reached = planRun({ rules: region, runs: 25, target: AWS, runIdPrefix: PREFIX, otherRegion: { region: 'us-west-2' } });
    expect(reached.rules).toEqual({ selected: 1, toRun: 1, skipped: [] });
    expect(reached.requests.CreateUserPoolClient).toEqual({ expected: 25, atMost: 25 });
    const none = planRun({ rules: region, runs: 25, target: AWS, runIdPrefix: PREFIX, otherRegion: { skipped: 'pass --other-region REGION' } });
    expect(none.rules).toEqual({ selected: 1, toRun: 0, skipped: [{ id: 'region.pool-scoped', reason: 'pass --other-region REGION' }] });
    expect(none.requests.CreateUserPoolClient).toBeUndefined();
  });

  it('counts rules, cases and requests by operation, fixture and cleanup included', () => {
    const plan = planRun({ rules, runs: 5, target: AWS, runIdPrefix: PREFIX, quotas: AWS_QUOTA_RATES, maxPools: 1, account: { account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/r/s' } });
    const defaults = rules.filter((r) => r.kind === 'default').length;
    // AWS: no Pinpoint project, so the analytics rules are skipped and cost nothing.
    expect(plan.rules.skipped.map((s) => s.id).sort()).toEqual(['analytics.application-id-needs-role-and-external-id', 'analytics.application-id-or-arn']);
    expect(plan.rules.toRun).toBe(defaults + 3 + 1);
    expect(plan.cases).toBe(plan.rules.toRun * 5);
    expect(plan.requests.CreateUserPoolClient).toEqual({ expected: plan.cases, atMost: plan.cases });
    expect(plan.requests.DeleteUserPoolClient).toEqual({ expected: (defaults + 3) * 5, atMost: plan.cases });
    expect(plan.requests.DescribeUserPoolClient).toEqual({ expected: 3 * 5, atMost: 3 * 5 });
    expect(plan.requests.ListUserPoolClients).toEqual({ expected: 3 * 5 + 1, atMost: 3 * 5 + 1 });
    expect(plan.fixture).toEqual({ expected: 7, atMost: 7 });
    for (const op of ['CreateUserPool', 'CreateResourceServer', 'CreateIdentityProvider', 'DeleteResourceServer', 'DeleteIdentityProvider', 'DeleteUserPool']) {
      expect(plan.requests[op], op).toEqual({ expected: 1, atMost: 1 });
    }
    const sum = Object.values(plan.requests).reduce((n, r) => n + r.atMost, 0);
    expect(plan.total.atMost).toBe(sum);
    // In one pool the creates, at 5/s for that operation in the pool, are the busiest bucket.
    expect(plan.pools).toBe(1);
    expect(plan.expectedDurationMs).toBe(Math.round((1000 * plan.cases) / 5));
  });

  it('names what it will create with the run id, as the pool fixture then does', () => {
    const plan = planRun({ rules, runs: 5, target: AWS, runIdPrefix: PREFIX, quotas: AWS_QUOTA_RATES, maxPools: 1 });
    expect(plan.resources.map((r) => `${r.type}: ${r.name}`)).toEqual([
      `user pool: ${PREFIX}-1`,
      `resource server: https://${PREFIX}.example (${PREFIX}-rs)`,
      `identity provider: ${PREFIX.slice(0, 27)}-saml (SAML)`,
      'app client: as each case generates it',
    ]);
  });

  it('spreads the rules over the pools the quotas make worth it: the whole contract at the defaults in 3 pools, client writes at the account\'s 15/s', () => {
    const all = selectRules(contract.rules, ALL_KINDS, undefined);
    const one = planRun({ rules: all, runs: 25, target: AWS, runIdPrefix: PREFIX, quotas: AWS_QUOTA_RATES, maxPools: 1 });
    const plan = planRun({ rules: all, runs: 25, target: AWS, runIdPrefix: PREFIX, quotas: AWS_QUOTA_RATES });
    expect(plan.pools).toBe(3);
    expect(plan.resources[0]).toMatchObject({ type: 'user pool', name: `${PREFIX}-1, ${PREFIX}-2, ${PREFIX}-3`, count: { expected: 3, atMost: 3 } });
    expect(plan.fixture.expected).toBe(3 * 7);
    const clientWrites = (plan.requests.CreateUserPoolClient?.expected ?? 0) + (plan.requests.DeleteUserPoolClient?.expected ?? 0) + (plan.requests.UpdateUserPoolClient?.expected ?? 0);
    // UserPoolClientUpdate's 15 per second in the account is the busiest bucket with 3 pools …
    // (within one request: request counts are rounded for the plan, the duration is not)
    expect(Math.abs((plan.expectedDurationMs ?? 0) - (1000 * clientWrites) / 15)).toBeLessThanOrEqual(1000 / 15);
    // … where one pool is held to 5 creates per second.
    // (within one request: lifecycle sequences plan fractional creates, the plan shows them rounded)
    expect(Math.abs((one.expectedDurationMs ?? 0) - (1000 * (one.requests.CreateUserPoolClient?.expected ?? 0)) / 5)).toBeLessThanOrEqual(1000 / 5);
    expect(formatPlan(plan)).toContain('with the rules spread over 3 pools');
    // Without quotas (an emulator): one pool.
    expect(planRun({ rules: all, runs: 25, target: EMULATOR, runIdPrefix: PREFIX }).pools).toBe(1);
    // A single rule: one pool, whatever the quotas.
    expect(planRun({ rules: all.slice(0, 1), runs: 25, target: AWS, runIdPrefix: PREFIX, quotas: AWS_QUOTA_RATES }).pools).toBe(1);
  });

  it('in an existing pool (--user-pool-id): reads the pool, creates nothing but app clients, removes nothing else', () => {
    const plan = planRun({ rules, runs: 5, target: AWS, runIdPrefix: PREFIX, quotas: AWS_QUOTA_RATES, existingPoolId: 'eu-west-1_Owned1234' });
    expect(plan.resources.map((r) => `${r.type}: ${r.name}`)).toEqual(['app client: as each case generates it', 'existing user pool: eu-west-1_Owned1234']);
    expect(Object.keys(plan.requests).filter((op) => !op.includes('UserPoolClient'))).toEqual(['DescribeUserPool', 'ListResourceServers', 'ListIdentityProviders']);
    expect(plan.fixture).toEqual({ expected: 3, atMost: 3 });
    expect(formatPlan(plan)).toContain('nothing else, in the existing user pool eu-west-1_Owned1234, which is read and never changed or deleted');
  });

  it('on an emulator: analytics rules run (made-up Pinpoint values), no quotas, no duration', () => {
    const plan = planRun({ rules, runs: 3, target: EMULATOR, runIdPrefix: PREFIX });
    expect(plan.rules.skipped).toEqual([]);
    expect(plan.expectedDurationMs).toBeUndefined();
    expect(formatPlan(plan)).toContain('as fast as the target answers');
    expect(formatPlan(plan)).toContain('none: a loopback emulator');
  });

  it('prints one block for the terminal: target, account, run id, rules, requests, resources, quotas, duration, budget', () => {
    const text = formatPlan(planRun({
      rules, runs: 5, target: AWS, runIdPrefix: PREFIX, quotas: AWS_QUOTA_RATES, maxPools: 1,
      account: { account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/r/s' }, budget: { maxRequests: 500, timeBudgetMs: 1_800_000 },
    }));
    expect(text).toMatch(/^Plan \(nothing has been sent yet\):\n/);
    expect(text).toContain('target    aws https://cognito-idp.eu-west-1.amazonaws.com/ (eu-west-1, http, 4 in flight)');
    expect(text).toContain('account   123456789012 (arn:aws:sts::123456789012:assumed-role/r/s)');
    expect(text).toContain(`run id    ${PREFIX}`);
    expect(text).toMatch(/rules {5}\d+ selected: \d+ to run, 2 skipped\n {14}analytics\.\S+: no Pinpoint project configured for this run/);
    expect(text).toMatch(/ {14}DeleteUserPoolClient +\d+ \(at most \d+\)/);
    expect(text).toContain(`user pool ${PREFIX}-1; removed at the end, also on failure and Ctrl-C`);
    expect(text).toContain('quotas    5/s per write operation and 5/s per read operation in each pool; 15/s per write category and 15/s per read category in the account');
    expect(text).toContain('https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html');
    expect(text).toMatch(/duration  about \d+(m\d+s|s|m) at these rates/);
    expect(text).toContain('budget    at most 500 requests, at most 30m; when spent no new case starts and unfinished rules are reported incomplete');
  });
});

describe('fixtureNames', () => {
  let fake: FakeCognito;
  beforeAll(async () => {
    fake = await startFakeCognito();
  });
  afterAll(() => fake.close());

  it('are the names createPoolFixture gives what it creates', async () => {
    const prefix = newRunIdPrefix();
    const target = createHttpTarget({ name: 'fake', endpoint: fake.endpoint, region: 'us-east-1' });
    const fixture = await createPoolFixture(target, { runIdPrefix: prefix, registry: createCleanupRegistry({ signals: new EventEmitter() }) });
    try {
      const names = fixtureNames(prefix);
      expect(fixture.created).toEqual({ poolName: names.poolName, resourceServerIdentifier: names.resourceServerIdentifier, identityProviderName: names.identityProviderName });
    } finally {
      await fixture.cleanup();
      await target.close();
    }
  });
});
