import { describe, expect, it } from 'vitest';
import { ruleById } from '../contract/contract.js';
import { PROBES } from '../contract/probeRules.js';
import { fullPool } from '../testing/poolFixtures.js';
import { fixedCasesFor } from './fixedCases.js';

describe('fixedCasesFor', () => {
  it('gives a probe rule its probe, against the run\'s pool and region', () => {
    const [c] = fixedCasesFor(ruleById('probe.unknown-client.describe'), fullPool, 'http').cases;
    expect(c).toMatchObject({ ruleId: 'probe.unknown-client.describe', probe: 'probe.unknown-client.describe', operation: 'DescribeUserPoolClient' });
    expect(c.request).toEqual({ UserPoolId: fullPool.userPoolId, ClientId: '1abcdefghijklmnopqrstuv000' });
    const [pool] = fixedCasesFor(ruleById('probe.unknown-pool'), fullPool, 'http').cases;
    expect(pool.operation).toBeUndefined();
    expect(pool.request.UserPoolId).toBe(`${fullPool.userPoolId.split('_')[0]}_NoSuchPool0probe`);
    const [list] = fixedCasesFor(ruleById('probe.unknown-pool.list'), fullPool, 'sdk').cases;
    expect(list).toMatchObject({ probe: 'probe.unknown-pool.list', operation: 'ListUserPoolClients', request: { UserPoolId: pool.request.UserPoolId, MaxResults: 60 } });
    const [raw] = fixedCasesFor(ruleById('probe.body-not-json'), fullPool, 'http').cases;
    expect(() => JSON.parse(raw.rawBody ?? '')).toThrow();
    expect(raw.rawBody).toContain(fullPool.userPoolId);
  });

  it('sends the service-error probes with every protocol rule, relabelled, and the not-found probes with their message rules', () => {
    const protocol = fixedCasesFor(ruleById('protocol.error-body'), fullPool, 'http').cases;
    expect(protocol.map((c) => c.probe)).toEqual(PROBES.filter((p) => p.serviceError).map((p) => p.id));
    expect(protocol.every((c) => c.ruleId === 'protocol.error-body')).toBe(true);
    expect(fixedCasesFor(ruleById('message.pool-not-found'), fullPool, 'http').cases.map((c) => c.probe)).toEqual(['probe.unknown-pool', 'probe.unknown-pool.list']);
    expect(fixedCasesFor(ruleById('message.client-not-found'), fullPool, 'http').cases).toHaveLength(3);
    expect(fixedCasesFor(ruleById('output.echo'), fullPool, 'http').cases).toEqual([]);
  });

  it('leaves out, with the reason, the probes the SDK transport cannot send', () => {
    const sdk = fixedCasesFor(ruleById('probe.unknown-operation'), fullPool, 'sdk');
    expect(sdk.cases).toEqual([]);
    expect(sdk.unsendable[0]).toMatch(/^probe\.unknown-operation: the SDK transport only sends operations its model has/);
    expect(fixedCasesFor(ruleById('probe.unknown-client.update'), fullPool, 'sdk').cases).toHaveLength(1);
  });
});
