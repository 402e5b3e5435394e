import { describe, expect, it } from 'vitest';
import { HarnessError } from '../targets/harnessError.js';
import { TRANSPORT_NAMES } from '../targets/transports.js';
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

  it('builds the replay flags from what chose the target, the transport only when not the default', () => {
    expect(readRunSettings({ target: 'localstack', region: 'us-west-2' }, 'flags').targetArgs).toEqual(['--target', 'localstack', '--region', 'us-west-2']);
    expect(readRunSettings({ endpoint: 'http://h:1', name: 'emu', transport: 'sdk' }, 'env').targetArgs).toEqual(['--endpoint', 'http://h:1', '--name', 'emu', '--transport', 'sdk']);
    expect(readRunSettings({ transport: RUN_DEFAULTS.transport }, 'flags').targetArgs).toEqual([]);
  });

  it('picks a seed for "random"', () => {
    expect(readRunSettings({ seed: 'random' }, 'flags', () => 0.5).seed).toBe(2 ** 30);
  });
});
