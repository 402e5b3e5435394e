import { describe, expect, it } from 'vitest';
import { HarnessError } from '../targets/harnessError.js';
import { TRANSPORT_NAMES } from '../targets/transports/transports.js';
import { envName, flagName, readRunSettings, RUN_DEFAULTS, RUN_SETTING_KEYS, runSettingsFromEnv, type RawRunSettings } from './runSettings.js';

function rejection(raw: RawRunSettings, source: 'flags' | 'env'): HarnessError {
  try {
    readRunSettings(raw, source);
  } catch (err) {
    if (err instanceof HarnessError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('readRunSettings: the one reader of run settings', () => {
  it('applies every default when nothing is given', () => {
    expect(readRunSettings({}, 'flags')).toEqual({
      target: {}, transport: RUN_DEFAULTS.transport, seed: 42, runs: 25, out: 'reports/latest', targetArgs: [],
    });
    expect(runSettingsFromEnv({})).toEqual(readRunSettings({}, 'flags'));
  });

  it('reads CONFORMANCE_* exactly as it reads the flags; an empty variable counts as unset', () => {
    const raw: RawRunSettings = { endpoint: 'http://127.0.0.1:4566', region: 'eu-west-1', name: 'my-emulator', transport: 'sdk', seed: '7', runs: '3', rules: 'default.*', concurrency: '2', out: 'o', replayPath: '0:1' };
    const env = Object.fromEntries(Object.entries(raw).map(([k, v]) => [envName(k as keyof RawRunSettings), v]));
    expect(runSettingsFromEnv({ ...env, CONFORMANCE_TARGET: '' })).toEqual(readRunSettings(raw, 'flags'));
    expect(readRunSettings(raw, 'flags')).toMatchObject({
      target: { endpoint: 'http://127.0.0.1:4566', region: 'eu-west-1' }, name: 'my-emulator', transport: 'sdk', seed: 7, runs: 3,
      rules: 'default.*', concurrency: 2, out: 'o', replayPath: '0:1',
    });
  });

  it('names each setting as a flag and as a variable', () => {
    expect(RUN_SETTING_KEYS.map(flagName)).toContain('replay-path');
    expect(RUN_SETTING_KEYS.map(envName)).toContain('CONFORMANCE_REPLAY_PATH');
  });

  it.each([
    [{ transport: 'nope' }, 'transport', `must be ${TRANSPORT_NAMES.join(' or ')}, got "nope"`],
    [{ runs: 'abc' }, 'runs', 'must be a whole number from 1 to 10000, got "abc"'],
    [{ runs: '0' }, 'runs', 'must be a whole number from 1 to 10000, got "0"'],
    [{ concurrency: '65' }, 'concurrency', 'must be a whole number from 1 to 64, got "65"'],
    [{ seed: '1.5' }, 'seed', 'must be an integer (|n| < 2^31) or "random", got "1.5"'],
    [{ rules: 'no.such.rule*' }, 'rules', '"no.such.rule*" matches no rule id'],
    [{ rules: ' ' }, 'rules', 'needs a value'],
    [{ name: 'two\nlines' }, 'name', 'must be one line'],
  ] as const)('rejects %j the same way from a flag (E_USAGE) and from the environment (E_CONFIG)', (raw, key, words) => {
    const flag = rejection(raw, 'flags');
    const variable = rejection(raw, 'env');
    expect(flag.code).toBe('E_USAGE');
    expect(variable.code).toBe('E_CONFIG');
    expect(flag.message).toContain(`--${flagName(key)} ${words}`);
    expect(variable.message).toContain(`${envName(key)} ${words}`);
  });

  it('reads the second region of the region rules, names where it came from, and replays through it', () => {
    expect(readRunSettings({ target: 'aws', otherRegion: 'eu-west-1' }, 'flags')).toMatchObject({ otherRegion: 'eu-west-1', otherRegionLabel: '--other-region', targetArgs: ['--target', 'aws', '--other-region', 'eu-west-1'] });
    expect(runSettingsFromEnv({ CONFORMANCE_OTHER_REGION: 'ap-south-1' })).toMatchObject({ otherRegion: 'ap-south-1', otherRegionLabel: 'CONFORMANCE_OTHER_REGION' });
    expect(readRunSettings({}, 'flags').otherRegion).toBeUndefined();
  });

  it('--sdk-from: the SDK the sdk transport loads (targets/sdk/sdkSource.ts), named by where it came from, carried into replays; refused with another transport', () => {
    expect(readRunSettings({ transport: 'sdk', sdkFrom: '../app' }, 'flags')).toMatchObject({ sdkFrom: { dir: '../app', label: '--sdk-from' }, targetArgs: ['--transport', 'sdk', '--sdk-from', '../app'] });
    expect(runSettingsFromEnv({ CONFORMANCE_TRANSPORT: 'sdk', CONFORMANCE_SDK_FROM: 'node_modules/sdk-next' })).toMatchObject({ sdkFrom: { dir: 'node_modules/sdk-next', label: 'CONFORMANCE_SDK_FROM' } });
    expect(readRunSettings({ transport: 'sdk' }, 'flags').sdkFrom).toBeUndefined();
    expect(rejection({ sdkFrom: '../app' }, 'flags').message).toBe('--sdk-from names the SDK that --transport sdk sends through; this run\'s transport is http');
    expect(rejection({ transport: 'sdk', sdkFrom: ' ' }, 'env')).toMatchObject({ code: 'E_CONFIG', message: expect.stringContaining('CONFORMANCE_SDK_FROM needs a value') });
  });

  it('builds the replay flags from what chose the target, the transport only when not the default', () => {
    expect(readRunSettings({ target: 'localstack', region: 'us-west-2' }, 'flags').targetArgs).toEqual(['--target', 'localstack', '--region', 'us-west-2']);
    expect(readRunSettings({ endpoint: 'http://h:1', name: 'emu', transport: 'sdk' }, 'env').targetArgs).toEqual(['--endpoint', 'http://h:1', '--name', 'emu', '--transport', 'sdk']);
    expect(readRunSettings({ transport: RUN_DEFAULTS.transport }, 'flags').targetArgs).toEqual([]);
  });

  it('reads the AWS safeguards: accounts, recording, budget and quotas', () => {
    const raw: RawRunSettings = { account: '123456789012,210987654321', record: 'rec', maxRequests: '4000', timeBudget: '45m', poolRps: '2.5', accountRps: '10' };
    const flags = readRunSettings(raw, 'flags', Math.random, {});
    expect(flags).toMatchObject({
      accounts: ['123456789012', '210987654321'], record: 'rec', budget: { maxRequests: 4000, timeBudgetMs: 2_700_000 }, rates: { poolRps: 2.5, accountRps: 10 },
    });
    // A replay against AWS needs the account again.
    expect(flags.targetArgs).toEqual(['--account', '123456789012,210987654321']);
    const env = Object.fromEntries(Object.entries(raw).map(([k, v]) => [envName(k as keyof RawRunSettings), v]));
    expect(env).toHaveProperty('CONFORMANCE_AWS_ACCOUNTS');
    expect(env).toHaveProperty('CONFORMANCE_MAX_REQUESTS');
    expect(runSettingsFromEnv(env)).toMatchObject({ accounts: flags.accounts, record: 'rec', budget: flags.budget, rates: flags.rates });
  });

  it('takes the accounts from CONFORMANCE_AWS_ACCOUNTS when --account is absent, the flag first otherwise', () => {
    expect(readRunSettings({}, 'flags', Math.random, { CONFORMANCE_AWS_ACCOUNTS: '111111111111' }).accounts).toEqual(['111111111111']);
    expect(readRunSettings({ account: '222222222222' }, 'flags', Math.random, { CONFORMANCE_AWS_ACCOUNTS: '111111111111' }).accounts).toEqual(['222222222222']);
    expect(readRunSettings({}, 'flags', Math.random, {}).accounts).toBeUndefined();
    expect(() => readRunSettings({}, 'flags', Math.random, { CONFORMANCE_AWS_ACCOUNTS: 'sandbox' })).toThrow(expect.objectContaining({ code: 'E_CONFIG', message: expect.stringContaining('CONFORMANCE_AWS_ACCOUNTS') }));
  });

  it('--user-pool-id: checked against the model\'s UserPoolId pattern before anything is sent, and carried into every replay command', () => {
    expect(readRunSettings({ endpoint: 'http://127.0.0.1:9229', userPoolId: 'us-east-1_AbC123' }, 'flags')).toMatchObject({
      userPoolId: 'us-east-1_AbC123', targetArgs: ['--endpoint', 'http://127.0.0.1:9229', '--user-pool-id', 'us-east-1_AbC123'],
    });
    expect(runSettingsFromEnv({ CONFORMANCE_USER_POOL_ID: 'local_5Pool' })).toMatchObject({ userPoolId: 'local_5Pool' });
    for (const bad of ['us-east-1', 'us-east-1_', 'us east-1_abc', 'us-east-1_ab-c', `us-east-1_${'a'.repeat(50)}`]) {
      const err = rejection({ userPoolId: bad }, 'flags');
      expect(err.code).toBe('E_USAGE');
      expect(err.message).toMatch(/^--user-pool-id must be a user pool id like us-east-1_AbCdEf123 .*, got "/);
    }
    expect(rejection({ userPoolId: 'nope' }, 'env').message).toMatch(/^CONFORMANCE_USER_POOL_ID must be a user pool id/);
  });

  it.each([
    [{ account: '12345' }, 'account', 'is not a 12-digit AWS account id'],
    [{ maxRequests: '0' }, 'maxRequests', 'must be a whole number from 1 to 10000000, got "0"'],
    [{ timeBudget: '45' }, 'timeBudget', 'must be a duration like 90s, 45m, 2h or 1h30m'],
    [{ timeBudget: '0' }, 'timeBudget', 'must be longer than 0'],
    [{ poolRps: '0' }, 'poolRps', 'must be a number of requests per second above 0 and at most 1000, got "0"'],
    [{ accountRps: 'fast' }, 'accountRps', 'must be a number of requests per second'],
    [{ record: ' ' }, 'record', 'needs a value'],
  ] as const)('rejects the safeguard %j from a flag (E_USAGE) and from the environment (E_CONFIG)', (raw, key, words) => {
    const flag = rejection(raw, 'flags');
    const variable = rejection(raw, 'env');
    expect([flag.code, variable.code]).toEqual(['E_USAGE', 'E_CONFIG']);
    expect(flag.message).toContain(`--${flagName(key)}`);
    expect(flag.message).toContain(words);
    expect(variable.message).toContain(envName(key));
    expect(variable.message).toContain(words);
  });

  it('picks a seed for "random"', () => {
    expect(readRunSettings({ seed: 'random' }, 'flags', () => 0.5).seed).toBe(2 ** 30);
  });
});
