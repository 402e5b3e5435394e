import { contract } from '../contract/contract.js';
import { userPoolId as userPoolIdShape } from '../contract/memberShapes.js';
import { ALL_KINDS } from '../contract/rule.js';
import { parseDuration } from './parseDuration.js';
import { ACCOUNTS_ENV, allowedAccounts } from '../targets/aws/accountGuard.js';
import { HarnessError } from '../targets/harnessError.js';
import type { TargetFlags } from '../targets/targetConfig.js';
import { DEFAULT_TRANSPORT, isTransportName, TRANSPORT_NAMES, type SdkFrom, type TransportName } from '../targets/transports/transports.js';
import { selectRules } from './selectRules.js';

/**
 * Every default of a run, in one place, for the CLI and the plain-vitest entry alike. The seed is
 * fixed so that two runs of one target agree (emulator CI, baselines). The target's own defaults
 * (no target at all means the embedded cognito-local, unless AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER
 * or AWS_ENDPOINT_URL names an endpoint; concurrency and request rate per kind of target) are
 * resolved from these settings by targets/targetConfig.ts.
 */
export const RUN_DEFAULTS = {
  seed: 42,
  runs: 25,
  out: 'reports/latest',
  transport: DEFAULT_TRANSPORT,
  /** Wall-clock cap on one rule's property, shrinking included. */
  ruleTimeLimitMs: 60_000,
} as const;

/**
 * Upper bounds of the numeric settings. `requestsPerSecond`: a quota flag above it is a typo, not
 * a rate any Cognito grants (AWS's defaults are 5 per pool and 15 per account).
 */
export const RUN_LIMITS = { runs: 10_000, concurrency: 64, maxRequests: 10_000_000, requestsPerSecond: 1_000 } as const;

/**
 * The settings a run takes, each as `--kebab-case` flag and as CONFORMANCE_SNAKE_CASE variable
 * (`replayPath`: `--replay-path`, CONFORMANCE_REPLAY_PATH), except `account`: `--account` and
 * CONFORMANCE_AWS_ACCOUNTS (targets/aws/accountGuard.ts), which the CLI reads too when the flag is
 * absent, so that a CI job can name its account once.
 */
export const RUN_SETTING_KEYS = [
  'target', 'endpoint', 'region', 'name', 'transport', 'seed', 'runs', 'rules', 'concurrency', 'out', 'replayPath',
  'account', 'record', 'maxRequests', 'timeBudget', 'poolRps', 'accountRps', 'userPoolId', 'otherRegion', 'sdkFrom',
] as const;
export type RunSettingKey = (typeof RUN_SETTING_KEYS)[number];

/** Variables not named after their key. */
const ENV_NAMES: Partial<Record<RunSettingKey, string>> = { account: ACCOUNTS_ENV };

/** The settings as typed, before validation: flag values or environment variables. */
export type RawRunSettings = Partial<Record<RunSettingKey, string>>;

export type SettingsSource = 'flags' | 'env';

export interface RunSettings {
  /** What selects the target, as given; resolved by loadTargetConfig. */
  target: TargetFlags;
  /** The target's name in reports; absent: the preset's, or what answered (see openTarget). */
  name?: string;
  transport: TransportName;
  seed: number;
  runs: number;
  /** `--rules` patterns; absent: every rule. */
  rules?: string;
  /** Requests in flight; absent: the target's default. */
  concurrency?: number;
  out: string;
  replayPath?: string;
  /** The flags that chose this target, repeated in every replay command. */
  targetArgs: string[];
  /** `--account` / CONFORMANCE_AWS_ACCOUNTS: the AWS accounts the run may create things in (targets/aws/accountGuard.ts). */
  accounts?: string[];
  /** `--record DIR`: every exchange of the run goes into a JSON Lines recording there (targets/recording/recordingTarget.ts). */
  record?: string;
  /** `--max-requests N`, `--time-budget DURATION` (runner/runBudget.ts). */
  budget?: { maxRequests?: number; timeBudgetMs?: number };
  /**
   * `--pool-rps N`, `--account-rps N`: requests per second per user pool and per account
   * (targets/pacing/quotaLimiter.ts; see targets/pacing/runQuotas.ts for the defaults per kind of target).
   */
  rates?: { poolRps?: number; accountRps?: number };
  /**
   * `--user-pool-id ID`: run in this existing pool instead of creating one (targets/pool/existingPool.ts).
   * The run reads it, creates and deletes its app clients there, and never deletes or changes it.
   */
  userPoolId?: string;
  /**
   * `--other-region REGION`: the region the region rules send through (targets/aws/otherRegion.ts);
   * absent: a default one on emulators, none against AWS. `otherRegionLabel` names where it came from.
   */
  otherRegion?: string;
  otherRegionLabel?: string;
  /**
   * `--sdk-from DIR` (with `--transport sdk`): an app folder, or the SDK package's own folder, to load
   * @aws-sdk/client-cognito-identity-provider from; absent: the working directory's node_modules,
   * else the tool's own copy (targets/sdk/sdkSource.ts).
   */
  sdkFrom?: SdkFrom;
}

export function flagName(key: RunSettingKey): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function envName(key: RunSettingKey): string {
  return ENV_NAMES[key] ?? `CONFORMANCE_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** Reads the CONFORMANCE_* variables of the plain-vitest entry; an empty variable counts as unset. */
export function runSettingsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): RunSettings {
  const raw: RawRunSettings = {};
  for (const key of RUN_SETTING_KEYS) {
    const value = env[envName(key)];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  return readRunSettings(raw, 'env', Math.random, env);
}

/**
 * The one reader of run settings: validates what was typed and applies the defaults. A bad value
 * is a harness error naming the flag (E_USAGE) or the variable (E_CONFIG) with the same words.
 * `env`: where the flags' fallback for the allowed accounts (CONFORMANCE_AWS_ACCOUNTS) is read.
 */
export function readRunSettings(
  raw: RawRunSettings,
  source: SettingsSource,
  random: () => number = Math.random,
  env: Readonly<Record<string, string | undefined>> = process.env,
): RunSettings {
  const label = (key: RunSettingKey) => (source === 'flags' ? `--${flagName(key)}` : envName(key));
  const fail = (message: string): never => {
    throw new HarnessError(source === 'flags' ? 'E_USAGE' : 'E_CONFIG', message);
  };
  const wholeNumber = (key: 'runs' | 'concurrency' | 'maxRequests', max: number): number | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) fail(`${label(key)} must be a whole number from 1 to ${max}, got "${v}"`);
    return Number(v);
  };
  const rate = (key: 'poolRps' | 'accountRps'): number | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > RUN_LIMITS.requestsPerSecond) {
      fail(`${label(key)} must be a number of requests per second above 0 and at most ${RUN_LIMITS.requestsPerSecond}, got "${v}"`);
    }
    return n;
  };
  const nonBlank = (key: RunSettingKey, example: string): string | undefined => {
    const v = raw[key];
    if (v !== undefined && !v.trim()) fail(`${label(key)} needs a value, e.g. ${label(key)} ${example}`);
    return v;
  };

  let seed: number = RUN_DEFAULTS.seed;
  if (raw.seed === 'random') seed = Math.floor(random() * 2 ** 31);
  else if (raw.seed !== undefined) {
    if (!/^-?\d+$/.test(raw.seed) || Math.abs(Number(raw.seed)) >= 2 ** 31) fail(`${label('seed')} must be an integer (|n| < 2^31) or "random", got "${raw.seed}"`);
    seed = Number(raw.seed);
  }
  const transport = raw.transport ?? RUN_DEFAULTS.transport;
  if (!isTransportName(transport)) fail(`${label('transport')} must be ${TRANSPORT_NAMES.join(' or ')}, got "${transport}"`);
  const rules = nonBlank('rules', '"default.*"');
  if (rules !== undefined && selectRules(contract.rules, ALL_KINDS, rules).length === 0) {
    fail(`${label('rules')} "${rules}" matches no rule id (see \`contract\` for the ids)`);
  }
  const name = nonBlank('name', 'my-emulator');
  if (name !== undefined && (/[\r\n]/.test(name) || name.length > 100)) fail(`${label('name')} must be one line of at most 100 characters`);
  const out = nonBlank('out', 'reports/latest') ?? RUN_DEFAULTS.out;
  const replayPath = nonBlank('replayPath', '0:1');

  const target: TargetFlags = {
    ...(raw.target === undefined ? {} : { target: raw.target }),
    ...(raw.endpoint === undefined ? {} : { endpoint: raw.endpoint }),
    ...(raw.region === undefined ? {} : { region: raw.region }),
  };
  const targetArgs = [
    ...(raw.target === undefined ? [] : ['--target', raw.target]),
    ...(raw.endpoint === undefined ? [] : ['--endpoint', raw.endpoint]),
    ...(raw.region === undefined ? [] : ['--region', raw.region]),
    ...(name === undefined ? [] : ['--name', name]),
    ...(transport === RUN_DEFAULTS.transport ? [] : ['--transport', transport]),
  ];
  const runs = wholeNumber('runs', RUN_LIMITS.runs) ?? RUN_DEFAULTS.runs;
  const concurrency = wholeNumber('concurrency', RUN_LIMITS.concurrency);

  // The flag, else (for the CLI too) the variable; each named in its own error.
  const accounts = source === 'flags'
    ? allowedAccounts(raw.account, env)
    : allowedAccounts(undefined, { [ACCOUNTS_ENV]: raw.account });
  if (accounts !== undefined && raw.account !== undefined && source === 'flags') targetArgs.push('--account', accounts.join(','));
  const record = nonBlank('record', 'recordings/aws');
  const maxRequests = wholeNumber('maxRequests', RUN_LIMITS.maxRequests);
  let timeBudgetMs: number | undefined;
  if (raw.timeBudget !== undefined) {
    try {
      timeBudgetMs = parseDuration(label('timeBudget'), raw.timeBudget);
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
    }
    if (timeBudgetMs === 0) fail(`${label('timeBudget')} must be longer than 0, got "${raw.timeBudget}"`);
  }
  const poolRps = rate('poolRps');
  const accountRps = rate('accountRps');
  const userPoolId = nonBlank('userPoolId', 'us-east-1_AbCdEf123');
  if (userPoolId !== undefined) {
    // The model's UserPoolIdType, checked before anything is sent.
    const { min, max } = userPoolIdShape.length ?? { min: 1, max: 55 };
    if (!new RegExp(userPoolIdShape.pattern ?? '').test(userPoolId) || userPoolId.length < (min ?? 1) || userPoolId.length > (max ?? 55)) {
      fail(`${label('userPoolId')} must be a user pool id like us-east-1_AbCdEf123 (letters, digits, - or _, then _ and letters or digits; at most ${max ?? 55} characters), got ${JSON.stringify(userPoolId.slice(0, 80))}`);
    }
    // Replay commands must reach the same pool.
    targetArgs.push('--user-pool-id', userPoolId);
  }
  const sdkFrom = nonBlank('sdkFrom', '../my-app');
  if (sdkFrom !== undefined) {
    if (transport !== 'sdk') fail(`${label('sdkFrom')} names the SDK that --transport sdk sends through; this run's transport is ${transport}`);
    // A replay must send through the same SDK.
    targetArgs.push('--sdk-from', sdkFrom);
  }
  const otherRegion = nonBlank('otherRegion', 'eu-west-1')?.trim();
  // The region rules' replay goes through the same second region.
  if (otherRegion !== undefined) targetArgs.push('--other-region', otherRegion);
  return {
    target,
    ...(name === undefined ? {} : { name }),
    transport: transport as TransportName,
    seed,
    runs,
    ...(rules === undefined ? {} : { rules }),
    ...(concurrency === undefined ? {} : { concurrency }),
    out,
    ...(replayPath === undefined ? {} : { replayPath }),
    targetArgs,
    ...(accounts === undefined ? {} : { accounts }),
    ...(record === undefined ? {} : { record }),
    ...(maxRequests === undefined && timeBudgetMs === undefined
      ? {}
      : { budget: { ...(maxRequests === undefined ? {} : { maxRequests }), ...(timeBudgetMs === undefined ? {} : { timeBudgetMs }) } }),
    ...(poolRps === undefined && accountRps === undefined
      ? {}
      : { rates: { ...(poolRps === undefined ? {} : { poolRps }), ...(accountRps === undefined ? {} : { accountRps }) } }),
    ...(userPoolId === undefined ? {} : { userPoolId }),
    ...(otherRegion === undefined ? {} : { otherRegion, otherRegionLabel: label('otherRegion') }),
    ...(sdkFrom === undefined ? {} : { sdkFrom: { dir: sdkFrom, label: label('sdkFrom') } }),
  };
}
