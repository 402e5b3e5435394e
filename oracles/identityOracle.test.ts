import { describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_SECONDS, identityOracle } from './identityOracle.js';
import { NOW_MS, POOL_ID, SECRET, acceptedClient, acceptedCreate, makeObservation, rejectedCreate, validCase } from '../testing/observationFixture.js';

const plain = { UserPoolId: POOL_ID, ClientName: 'web' };
const withSecret = { ...plain, GenerateSecret: true };
const run = (request: Record<string, unknown>, over: Record<string, unknown> = {}, earlier?: Set<string>) =>
  identityOracle.check(makeObservation(validCase(request), acceptedCreate(request, acceptedClient(request, over)), earlier ? { earlierClientIds: earlier } : {}));
const result = (vs: ReturnType<typeof run>) => Object.fromEntries(vs.map((v) => [v.ruleId, v.ok]));

describe('identity oracle', () => {
  it('passes real formats (docs/evidence.md §7)', () => {
    expect(result(run(withSecret, {}, new Set(['6p3bs000no6a4ue1idruvd05ad'])))).toEqual({
      'output.client-id.format': true, 'output.client-id.unique': true, 'output.client-secret.when-generated': true,
      'output.client-secret.format': true, 'output.timestamps.equal': true, 'output.timestamps.epoch-seconds': true,
    });
    expect(result(run(plain, { ClientId: 'fk09hmkpbk7sral3cj9ofh5vc' }))['output.client-id.format']).toBe(true);
    expect(result(run(withSecret, { ClientSecret: 'e174jlu5mdkr6o1vedp5tvc4rs6lei1nqlapufjc14lup7lhim5' }))['output.client-secret.format']).toBe(true);
  });

  it('fails ClientIds outside [0-9a-v]{25,26}', () => {
    for (const id of ['4SSM8OH504J4Q146IC4HOGBO2S', '4ssm8oh504j4q146ic4hogbo2z', '4ssm8oh504j4q146ic4hogbo2s1', 'short']) {
      expect(result(run(plain, { ClientId: id }))['output.client-id.format']).toBe(false);
    }
  });

  it('fails a ClientId seen earlier; without the earlier ids, uniqueness is not judged', () => {
    const [v] = run(plain, {}, new Set(['4ssm8oh504j4q146ic4hogbo2s'])).filter((x) => x.ruleId === 'output.client-id.unique');
    expect(v.ok).toBe(false);
    expect(result(run(plain))).not.toHaveProperty('output.client-id.unique');
  });

  it('judges the secret only with GenerateSecret true: present, 51–52 of [0-9a-v], never printed', () => {
    expect(result(run(withSecret, { ClientSecret: undefined }))).toMatchObject({ 'output.client-secret.when-generated': false });
    expect(result(run(withSecret, { ClientSecret: undefined }))).not.toHaveProperty('output.client-secret.format');
    const short = 'abcdefghij'.repeat(4);
    const [v] = run(withSecret, { ClientSecret: short }).filter((x) => x.ruleId === 'output.client-secret.format');
    expect(v).toMatchObject({ ok: false, message: 'ClientSecret (40 characters) does not match {"pattern":"^[0-9a-v]{51,52}$"}', observed: { ClientSecret: '<redacted:40 chars>' } });
    expect(JSON.stringify(v)).not.toContain(short);
    expect(result(run(plain, { ClientSecret: SECRET }))).not.toHaveProperty('output.client-secret.when-generated');
  });

  it('fails CreationDate ≠ LastModifiedDate', () => {
    expect(result(run(plain, { LastModifiedDate: NOW_MS / 1000 + 0.001 }))['output.timestamps.equal']).toBe(false);
  });

  it('fails milliseconds, strings, absence and clocks too far off; accepts the tolerance', () => {
    const epoch = (over: Record<string, unknown>) => run(plain, over).find((v) => v.ruleId === 'output.timestamps.epoch-seconds');
    expect(epoch({ CreationDate: NOW_MS, LastModifiedDate: NOW_MS })?.message).toContain('in milliseconds');
    expect(epoch({ CreationDate: '2024-11-22T07:11:02.702Z', LastModifiedDate: '2024-11-22T07:11:02.702Z' })?.message).toContain('not a JSON number');
    expect(epoch({ CreationDate: undefined, LastModifiedDate: undefined })?.message).toBe('CreationDate absent; LastModifiedDate absent');
    const late = NOW_MS / 1000 + CLOCK_TOLERANCE_SECONDS + 60;
    expect(epoch({ CreationDate: late, LastModifiedDate: late })?.ok).toBe(false);
    const skewed = NOW_MS / 1000 - CLOCK_TOLERANCE_SECONDS + 1;
    expect(epoch({ CreationDate: skewed, LastModifiedDate: skewed })?.ok).toBe(true);
    expect(epoch({ CreationDate: Math.floor(NOW_MS / 1000), LastModifiedDate: Math.floor(NOW_MS / 1000) })?.ok).toBe(true);
    const micro = Math.floor(NOW_MS / 1000) + 0.211147;
    expect(epoch({ CreationDate: micro, LastModifiedDate: micro })?.message).toContain('finer fraction than milliseconds');
  });

  it('fails the accepted-outcome rules that apply when a valid request was rejected', () => {
    const vs = identityOracle.check(makeObservation(validCase(withSecret), rejectedCreate('InvalidParameterException')));
    expect(vs.map((v) => [v.ruleId, v.ok])).toEqual([
      ['output.client-id.format', false], ['output.client-secret.when-generated', false], ['output.client-secret.format', false],
    ]);
  });
});
