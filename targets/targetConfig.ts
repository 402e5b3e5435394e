import { HarnessError } from './harnessError.js';
import { readProfileRegion } from './aws/profileRegion.js';

/**
 * Which system under test a run talks to, resolved from flags and the environment the way the AWS
 * CLI and SDKs resolve theirs. `resolveTargetConfig` is pure (the environment and the profile's
 * region are arguments); `loadTargetConfig` reads them from the process.
 */
export type PresetName = 'aws' | 'localstack' | 'moto' | 'cognito-local';

export const PRESET_NAMES: readonly PresetName[] = ['aws', 'localstack', 'moto', 'cognito-local'];

/** Where emulators listen by default (LocalStack edge port, `moto_server` default port). */
export const PRESET_ENDPOINTS: Readonly<Record<'localstack' | 'moto', string>> = {
  localstack: 'http://localhost:4566/',
  moto: 'http://localhost:5000/',
};

export interface TargetLimits {
  /** Requests in flight at once. */
  concurrency: number;
}

/**
 * Requests in flight. Against AWS a few: the request rate is the quota limiter's (5 per second per
 * user pool, 15 per account: targets/pacing/runQuotas.ts, docs/evidence.md §8). Emulators have no quota;
 * 8 in flight is where cognito-local's reads stop getting faster (docs/evidence.md §9).
 */
export const TARGET_LIMITS: Readonly<Record<'aws' | 'emulator', Readonly<TargetLimits>>> = {
  aws: { concurrency: 4 },
  emulator: { concurrency: 8 },
};

export interface TargetFlags {
  /** `--target`: a preset name. */
  target?: string;
  /** `--endpoint URL`. */
  endpoint?: string;
  /** `--region`. */
  region?: string;
  /** `--profile`, for credentials and the profile's region. */
  profile?: string;
}

export interface TargetEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  /** The region of the selected profile, read beforehand (see readProfileRegion). */
  profileRegion?: string;
}

export type RegionSource = 'flag' | 'AWS_REGION' | 'AWS_DEFAULT_REGION' | 'profile' | 'endpoint' | 'default';
export type EndpointSource = 'flag' | 'preset' | 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER' | 'AWS_ENDPOINT_URL' | 'embedded';

export interface TargetConfig {
  /** The preset, or `custom` for a bare `--endpoint`. */
  name: PresetName | 'custom';
  /** Real AWS (signed with real credentials, quota-limited) or an emulator. */
  kind: 'aws' | 'emulator';
  /** Absent when `embedded`: the address is known once the emulator has started. */
  endpoint?: string;
  endpointSource: EndpointSource;
  /** Start cognito-local in this process (see startEmbeddedCognitoLocal). */
  embedded: boolean;
  region: string;
  regionSource: RegionSource;
  /** `default-chain`: the SDKs' provider chain; `local`: environment keys or dummy ones. */
  credentials: 'default-chain' | 'local';
  profile?: string;
  limits: TargetLimits;
}

/** The environment variables that name an endpoint, most specific first (AWS "Service-specific endpoints"). */
export const ENDPOINT_ENV_VARS = ['AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER', 'AWS_ENDPOINT_URL'] as const;

export function resolveTargetConfig(flags: TargetFlags, environment: TargetEnvironment): TargetConfig {
  const { env } = environment;
  const named = parsePreset(flags.target);
  const profile = nonEmpty(flags.profile) ?? nonEmpty(env.AWS_PROFILE);

  let endpoint: { url: URL; source: EndpointSource } | undefined;
  if (nonEmpty(flags.endpoint) !== undefined) {
    endpoint = { url: parseEndpoint(flags.endpoint as string, '--endpoint', 'E_USAGE'), source: 'flag' };
  } else if (named === 'aws' || named === undefined) {
    endpoint = endpointFromEnv(env);
  }
  // Nothing chosen at all: the embedded cognito-local, so that a bare `run` and `npm test` work offline.
  const preset: PresetName | undefined = named === undefined && endpoint === undefined ? 'cognito-local' : named;

  const kind: TargetConfig['kind'] =
    preset === 'aws' || (preset === undefined && endpoint !== undefined && isAwsHost(endpoint.url.hostname)) ? 'aws' : 'emulator';
  const { region, regionSource } = resolveRegion(flags, environment, kind, endpoint?.url);

  const config: TargetConfig = {
    name: preset ?? 'custom',
    kind,
    endpointSource: 'embedded',
    embedded: false,
    region,
    regionSource,
    credentials: kind === 'aws' ? 'default-chain' : 'local',
    limits: { ...TARGET_LIMITS[kind] },
  };
  if (profile !== undefined) config.profile = profile;

  if (endpoint !== undefined) {
    config.endpoint = endpoint.url.href;
    config.endpointSource = endpoint.source;
  } else if (preset === 'aws') {
    config.endpoint = awsEndpoint(region);
    config.endpointSource = 'preset';
  } else if (preset === 'localstack' || preset === 'moto') {
    config.endpoint = PRESET_ENDPOINTS[preset];
    config.endpointSource = 'preset';
  } else {
    config.embedded = true;
  }
  return config;
}

/** resolveTargetConfig with the process environment, reading the profile's region only when needed. */
export async function loadTargetConfig(
  flags: TargetFlags,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<TargetConfig> {
  const needsProfile = nonEmpty(flags.region) === undefined && nonEmpty(env.AWS_REGION) === undefined && nonEmpty(env.AWS_DEFAULT_REGION) === undefined;
  const profileRegion = needsProfile ? await readProfileRegion(nonEmpty(flags.profile)) : undefined;
  return resolveTargetConfig(flags, profileRegion === undefined ? { env } : { env, profileRegion });
}

/** `https://cognito-idp.<region>.amazonaws.com/`, with the `.com.cn` suffix of the China partition. */
export function awsEndpoint(region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://cognito-idp.${region}.${suffix}/`;
}

/**
 * A URL the transport can POST to: http or https, a host, no user info (credentials in a URL end
 * up in logs), no query or fragment (awsJson1_1 posts to a path only).
 */
export function parseEndpoint(raw: string, source: string, code: 'E_USAGE' | 'E_CONFIG'): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new HarnessError(code, `${source} is not a valid URL: ${shown(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HarnessError(code, `${source} must be an http:// or https:// URL, got ${shown(raw)}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new HarnessError(code, `${source} must not contain user info (user:password@): ${shown(raw)}`);
  }
  if (url.hostname === '') throw new HarnessError(code, `${source} has no host: ${shown(raw)}`);
  if (url.search !== '' || url.hash !== '') {
    throw new HarnessError(code, `${source} must not have a query or fragment: ${shown(raw)}`);
  }
  return url;
}

function parsePreset(raw: string | undefined): PresetName | undefined {
  const name = nonEmpty(raw);
  if (name === undefined) return undefined;
  if ((PRESET_NAMES as readonly string[]).includes(name)) return name as PresetName;
  throw new HarnessError('E_USAGE', `unknown --target ${shown(name)}: expected one of ${PRESET_NAMES.join(', ')}`);
}

/**
 * As the CLI and SDKs do: the service-specific variable, then the global one, unless
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
 */
function endpointFromEnv(env: Readonly<Record<string, string | undefined>>): { url: URL; source: EndpointSource } | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim().toLowerCase() === 'true') return undefined;
  for (const name of ENDPOINT_ENV_VARS) {
    const value = nonEmpty(env[name]);
    if (value !== undefined) return { url: parseEndpoint(value, name, 'E_CONFIG'), source: name };
  }
  return undefined;
}

function resolveRegion(
  flags: TargetFlags,
  environment: TargetEnvironment,
  kind: TargetConfig['kind'],
  endpoint: URL | undefined,
): { region: string; regionSource: RegionSource } {
  const { env } = environment;
  const candidates: [RegionSource, string | undefined, 'E_USAGE' | 'E_CONFIG'][] = [
    ['flag', flags.region, 'E_USAGE'],
    ['AWS_REGION', env.AWS_REGION, 'E_CONFIG'],
    ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION, 'E_CONFIG'],
    ['profile', environment.profileRegion, 'E_CONFIG'],
    ['endpoint', endpoint === undefined ? undefined : regionOfAwsHost(endpoint.hostname), 'E_CONFIG'],
  ];
  for (const [source, raw, code] of candidates) {
    const value = nonEmpty(raw);
    if (value === undefined) continue;
    const label = source === 'flag' ? '--region' : source === 'profile' ? 'the profile region' : source;
    if (!REGION_PATTERN.test(value) || value.length > 32) {
      throw new HarnessError(code, `${label} is not a region name: ${shown(value)}`);
    }
    if (kind === 'aws' && !AWS_REGION_PATTERN.test(value)) {
      throw new HarnessError(code, `${label} is not an AWS region name (like us-east-1): ${shown(value)}`);
    }
    return { region: value, regionSource: source };
  }
  if (kind === 'aws') {
    throw new HarnessError('E_CONFIG', 'the aws target needs a region: pass --region, set AWS_REGION, or set region in the AWS profile');
  }
  return { region: 'us-east-1', regionSource: 'default' };
}

const REGION_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const AWS_HOST = /^cognito-idp(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

function isAwsHost(hostname: string): boolean {
  return hostname.endsWith('.amazonaws.com') || hostname.endsWith('.amazonaws.com.cn');
}

function regionOfAwsHost(hostname: string): string | undefined {
  return AWS_HOST.exec(hostname)?.[1];
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** A value quoted for a one-line message: user info masked, length capped. */
function shown(raw: string): string {
  const masked = raw.replace(/\/\/[^/@\s]*@/, '//***@');
  return JSON.stringify(masked.length > 120 ? `${masked.slice(0, 117)}...` : masked);
}
