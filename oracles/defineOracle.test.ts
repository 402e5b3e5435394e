import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allOracles } from './allOracles.js';
import { defineOracle } from './defineOracle.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { runFakeBattery } from '../testing/fakeBattery.js';
import type { FaultName } from '../testing/fakeFaults.js';
import type { Observation } from './observation.js';
import { POOL_ID, SECRET, acceptedCreate, makeObservation, validCase } from '../testing/observationFixture.js';
import { secretsIn } from './redact.js';

const obs = makeObservation(validCase({ UserPoolId: POOL_ID, ClientName: 'x', GenerateSecret: true }), acceptedCreate({ UserPoolId: POOL_ID, ClientName: 'x', GenerateSecret: true }));

describe('defineOracle', () => {
  it('stamps the oracle id and freezes the oracle', () => {
    const o = defineOracle({ id: 'probe', rules: ['output.shape'], judge: () => [{ ruleId: 'output.shape', ok: true, message: 'fine' }] });
    expect(o.check(obs)).toEqual([{ oracle: 'probe', ruleId: 'output.shape', ok: true, message: 'fine' }]);
    expect(Object.isFrozen(o)).toBe(true);
  });

  it('refuses a verdict for a rule the oracle does not enforce', () => {
    const o = defineOracle({ id: 'probe', rules: ['output.shape'], judge: () => [{ ruleId: 'output.echo', ok: true, message: '' }] });
    expect(() => o.check(obs)).toThrow(/does not enforce/);
  });

  it('scrubs every secret of the observation from message, expected and observed', () => {
    const o = defineOracle({
      id: 'leaky', rules: ['output.shape'],
      judge: () => [{ ruleId: 'output.shape', ok: false, message: `secret is ${SECRET}`, expected: [SECRET], observed: { nested: { ClientSecret: SECRET } } }],
    });
    const [v] = o.check(obs);
    expect(JSON.stringify(v)).not.toContain(SECRET);
    expect(v.message).toBe('secret is <redacted:52 chars>');
  });
});

describe('secret safety of every oracle on the fake', () => {
  const faults: ReadonlyArray<FaultName | undefined> = [undefined, 'describe-secret-differs', 'secret-short', 'secret-without-generate', 'side-effect-on-reject', 'accept-invalid'];
  const runs: { fault?: FaultName; observations: Observation[] }[] = [];
  let fakes: FakeCognito[] = [];

  beforeAll(async () => {
    fakes = await Promise.all(faults.map((f) => startFakeCognito({ faults: new Set(f ? [f] : []) })));
    for (const [i, fake] of fakes.entries()) runs.push({ fault: faults[i], observations: await runFakeBattery(fake.endpoint) });
  });
  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.close()));
  });

  it('never lets a ClientSecret value into a verdict', () => {
    let secretsSeen = 0;
    for (const { fault, observations } of runs) {
      for (const o of observations) {
        const secrets = secretsIn(o.testCase.request, o.create.body, o.describe?.body);
        secretsSeen += secrets.length;
        const text = JSON.stringify(allOracles.flatMap((oracle) => oracle.check(o)));
        for (const s of secrets) expect(text.includes(s), `${fault ?? 'clean'}: ${o.testCase.ruleId}`).toBe(false);
      }
    }
    expect(secretsSeen).toBeGreaterThan(10);
  });
});
