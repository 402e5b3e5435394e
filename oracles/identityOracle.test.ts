import { describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_SECONDS, identityOracle } from './identityOracle.js';
import { pooledRandomBytes, randomBase32Hex } from '../testing/randomBase32Hex.js';
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

  it('fails ClientIds that no random 128-bit number in unpadded base32hex prints as', () => {
    for (const id of [
      '4SSM8OH504J4Q146IC4HOGBO2S', // upper case
      '4ssm8oh504j4q146ic4hogbo2z', '4ssm8oh504j4q146ic4hogbo2w', // w–z are not base32hex
      '4ssm8oh504j4q146ic4hogbo2s1', // 27 digits: more than 128 bits
      '8ssm8oh504j4q146ic4hogbo2s', 'vssm8oh504j4q146ic4hogbo2s', // 26 digits from 8: at least 2^128
      '0ssm8oh504j4q146ic4hogbo2', // a padded leading 0
      '4ssm8oh504j4q146i', // 17 digits: correct ids are that short 2^-43 of the time
      'short', '',
    ]) {
      expect(result(run(plain, { ClientId: id }))['output.client-id.format'], id).toBe(false);
    }
    // The shortest accepted length and the longest, with its largest first digit.
    for (const id of ['4ssm8oh504j4q146ic4', '7vvvvvvvvvvvvvvvvvvvvvvvvv']) expect(result(run(plain, { ClientId: id }))['output.client-id.format'], id).toBe(true);
  });

  it('accepts 100,000 ClientIds and 100,000 ClientSecrets drawn from the stated process (crypto-random 128/256 bits in unpadded base32hex)', () => {
    const draws = 100_000;
    const random = pooledRandomBytes();
    const badIds: string[] = [];
    const badSecrets: number[] = [];
    const lengths = { id: new Map<number, number>(), secret: new Map<number, number>() };
    // One observation whose client takes each drawn pair in turn: the oracle judges what it reads.
    const observation = makeObservation(validCase(withSecret), acceptedCreate(withSecret, acceptedClient(withSecret)));
    const client = (observation.create.body as { UserPoolClient: Record<string, unknown> }).UserPoolClient;
    for (let i = 0; i < draws; i++) {
      const id = randomBase32Hex(128, random);
      const secret = randomBase32Hex(256, random);
      lengths.id.set(id.length, (lengths.id.get(id.length) ?? 0) + 1);
      lengths.secret.set(secret.length, (lengths.secret.get(secret.length) ?? 0) + 1);
      client.ClientId = id;
      client.ClientSecret = secret;
      const r = result(identityOracle.check(observation));
      if (r['output.client-id.format'] !== true) badIds.push(id);
      // A secret is never printed, not even in a failing test.
      if (r['output.client-secret.format'] !== true) badSecrets.push(secret.length);
    }
    expect(badIds).toEqual([]);
    expect(badSecrets).toEqual([]);
    // The draws are what the rules were written for: shorter forms occur (a 25-digit id about 1 in
    // 8, a 51-digit secret 1 in 2), so accepting them all is not an accident of fixed lengths.
    expect(lengths.id.get(25) ?? 0).toBeGreaterThan(draws / 16);
    expect(lengths.secret.get(51) ?? 0).toBeGreaterThan(draws / 4);
  });

  it('fails a ClientId seen earlier; without the earlier ids, uniqueness is not judged', () => {
    const [v] = run(plain, {}, new Set(['4ssm8oh504j4q146ic4hogbo2s'])).filter((x) => x.ruleId === 'output.client-id.unique');
    expect(v.ok).toBe(false);
    expect(result(run(plain))).not.toHaveProperty('output.client-id.unique');
  });

  it('fails secrets that no random 256-bit number in unpadded base32hex prints as', () => {
    const digits = (n: number, first = '1') => first + '0123456789abcdefghijklmnopqrstuv'.repeat(2).slice(0, n - 1);
    for (const secret of [digits(52, '2'), digits(52, '8'), digits(53), digits(51, '0'), digits(43), digits(52).replace('a', 'w'), digits(52).toUpperCase()]) {
      expect(result(run(withSecret, { ClientSecret: secret }))['output.client-secret.format'], `${secret.length} characters from ${secret[0]}`).toBe(false);
    }
    for (const secret of [digits(52), digits(51, 'v'), digits(44, '9')]) expect(result(run(withSecret, { ClientSecret: secret }))['output.client-secret.format']).toBe(true);
  });

  it('judges the secret only with GenerateSecret true: present, of the real format, never printed', () => {
    expect(result(run(withSecret, { ClientSecret: undefined }))).toMatchObject({ 'output.client-secret.when-generated': false });
    expect(result(run(withSecret, { ClientSecret: undefined }))).not.toHaveProperty('output.client-secret.format');
    const short = 'abcdefghij'.repeat(4);
    const [v] = run(withSecret, { ClientSecret: short }).filter((x) => x.ruleId === 'output.client-secret.format');
    expect(v).toMatchObject({ ok: false, message: 'ClientSecret (40 characters) does not match {"pattern":"^(?:1[0-9a-v]{51}|[1-9a-v][0-9a-v]{43,50})$"}', observed: { ClientSecret: '<redacted:40 chars>' } });
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
