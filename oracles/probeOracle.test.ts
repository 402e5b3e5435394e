import { describe, expect, it } from 'vitest';
import { PROBES, probeById } from '../contract/probeRules.js';
import { probeCase } from '../generators/fixedCases.js';
import { fullPool } from '../testing/poolFixtures.js';
import { makeExchange, makeObservation, rejectedCreate, validCase } from '../testing/observationFixture.js';
import { probeOracle } from './probeOracle.js';

const judge = (id: string, create: ReturnType<typeof makeExchange>) => {
  const probe = probeById(id);
  if (!probe) throw new Error(id);
  return probeOracle.check(makeObservation(probeCase(probe, fullPool), create));
};

describe('probe oracle', () => {
  it('enforces exactly the probe rules', () => {
    expect(probeOracle.rules).toEqual(PROBES.map((p) => p.id));
  });

  it('passes a refusal of the expected type and status, whatever namespace the type carries', () => {
    expect(judge('probe.unknown-client.describe', rejectedCreate('ResourceNotFoundException', 'User pool client x does not exist.'))).toMatchObject([{ ok: true }]);
    // Other awsJson services answer an unknown operation 400 or 404, with no message: both conform.
    expect(judge('probe.unknown-operation', makeExchange({ status: 404, body: { __type: 'UnknownOperationException' }, errorType: 'UnknownOperationException' }))[0].ok).toBe(true);
    expect(judge('probe.unknown-operation', makeExchange({ status: 400, body: {}, errorType: 'UnknownOperationException' }))[0].ok).toBe(true);
    expect(judge('probe.body-not-json', makeExchange({ status: 400, body: { __type: 'SerializationException', Message: 'x' }, errorType: 'SerializationException' }))[0].ok).toBe(true);
  });

  it('fails an acceptance, another error type, another status', () => {
    expect(judge('probe.unknown-client.delete', makeExchange({ status: 200, body: {} }))[0]).toMatchObject({ ok: false, message: expect.stringContaining('accepted (HTTP 200)') });
    expect(judge('probe.unknown-pool', rejectedCreate('InvalidParameterException'))[0].message).toContain('error type InvalidParameterException, expected ResourceNotFoundException');
    expect(judge('probe.unknown-pool', rejectedCreate('ResourceNotFoundException', 'User pool x does not exist.', 404))[0].message).toContain('HTTP 404, expected 400');
    expect(judge('probe.body-not-json', makeExchange({ status: 400, body: { message: 'm' } }))[0].message).toContain('no error type');
    // An absent pool listed as an empty one (floci-io/floci#2952).
    const empty = judge('probe.unknown-pool.list', makeExchange({ operation: 'ListUserPoolClients', status: 200, body: { UserPoolClients: [] } }))[0];
    expect(empty).toMatchObject({ ok: false, message: 'ListUserPoolClients accepted (HTTP 200); real AWS refuses it with ResourceNotFoundException' });
    expect(judge('probe.unknown-pool.list', rejectedCreate('ResourceNotFoundException', 'User pool x does not exist.'))[0].ok).toBe(true);
  });

  it('judges nothing but probes, and nothing the SDK client answered itself', () => {
    expect(probeOracle.check(makeObservation(validCase({ UserPoolId: 'p', ClientName: 'c' }), rejectedCreate('ResourceNotFoundException')))).toEqual([]);
    expect(judge('probe.unknown-pool', makeExchange({ status: 0, layer: 'sdk-client' }))).toEqual([]);
  });
});
