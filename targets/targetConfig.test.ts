import { describe, expect, it } from 'vitest';
import { HarnessError } from './harnessError.js';
import { awsEndpoint, loadTargetConfig, resolveTargetConfig, TARGET_LIMITS, type TargetEnvironment, type TargetFlags } from './targetConfig.js';

function resolve(flags: TargetFlags, env: Record<string, string> = {}, profileRegion?: string) {
  const environment: TargetEnvironment = profileRegion === undefined ? { env } : { env, profileRegion };
  return resolveTargetConfig(flags, environment);
}

function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof HarnessError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a HarnessError');
}

describe('resolveTargetConfig presets', () => {
  it('aws: regional https endpoint, default credential chain, quota-aware limits', () => {
    const c = resolve({ target: 'aws', region: 'eu-west-1' });
    expect(c).toMatchObject({
      name: 'aws', kind: 'aws', endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/', endpointSource: 'preset',
      embedded: false, region: 'eu-west-1', regionSource: 'flag', credentials: 'default-chain',
      limits: { concurrency: 4 },
    });
  });

  it('aws in the China partition uses the .com.cn suffix', () => {
    expect(awsEndpoint('cn-north-1')).toBe('https://cognito-idp.cn-north-1.amazonaws.com.cn/');
  });

  it('localstack and moto: their default ports, local credentials, us-east-1 when nothing says otherwise', () => {
    expect(resolve({ target: 'localstack' })).toMatchObject({
      name: 'localstack', kind: 'emulator', endpoint: 'http://localhost:4566/', region: 'us-east-1', regionSource: 'default',
      credentials: 'local', limits: TARGET_LIMITS.emulator,
    });
    expect(resolve({ target: 'moto' })).toMatchObject({ endpoint: 'http://localhost:5000/', kind: 'emulator' });
  });

  it('cognito-local without an endpoint is embedded; with one it uses the running server', () => {
    const embedded = resolve({ target: 'cognito-local' });
    expect(embedded).toMatchObject({ name: 'cognito-local', embedded: true, endpointSource: 'embedded' });
    expect(embedded.endpoint).toBeUndefined();
    expect(resolve({ target: 'cognito-local', endpoint: 'http://127.0.0.1:9229' })).toMatchObject({
      embedded: false, endpoint: 'http://127.0.0.1:9229/', endpointSource: 'flag',
    });
  });

  it('a bare --endpoint is a custom emulator target; an amazonaws.com one is aws and lends its region', () => {
    expect(resolve({ endpoint: 'http://127.0.0.1:4566' })).toMatchObject({ name: 'custom', kind: 'emulator', credentials: 'local' });
    expect(resolve({ endpoint: 'https://cognito-idp.ap-south-1.amazonaws.com' })).toMatchObject({
      name: 'custom', kind: 'aws', region: 'ap-south-1', regionSource: 'endpoint', credentials: 'default-chain',
    });
  });

  it('nothing selected is the embedded cognito-local; an unknown preset is a usage error', () => {
    expect(resolve({})).toMatchObject({ name: 'cognito-local', embedded: true, kind: 'emulator', region: 'us-east-1' });
    expect(failure(() => resolve({ target: 'azure' }))).toEqual({
      code: 'E_USAGE', message: 'unknown --target "azure": expected one of aws, localstack, moto, cognito-local',
    });
  });
});

describe('resolveTargetConfig region', () => {
  it('flag, then AWS_REGION, then AWS_DEFAULT_REGION, then the profile', () => {
    const env = { AWS_REGION: 'eu-west-2', AWS_DEFAULT_REGION: 'eu-west-3' };
    expect(resolve({ target: 'aws', region: 'us-west-2' }, env, 'ap-east-1')).toMatchObject({ region: 'us-west-2', regionSource: 'flag' });
    expect(resolve({ target: 'aws' }, env, 'ap-east-1')).toMatchObject({ region: 'eu-west-2', regionSource: 'AWS_REGION' });
    expect(resolve({ target: 'aws' }, { AWS_DEFAULT_REGION: 'eu-west-3' }, 'ap-east-1')).toMatchObject({
      region: 'eu-west-3', regionSource: 'AWS_DEFAULT_REGION',
    });
    expect(resolve({ target: 'aws' }, {}, 'ap-east-1')).toMatchObject({ region: 'ap-east-1', regionSource: 'profile' });
  });

  it('aws without any region is E_CONFIG; an emulator falls back to us-east-1', () => {
    expect(failure(() => resolve({ target: 'aws' }))).toMatchObject({ code: 'E_CONFIG' });
    expect(resolve({ target: 'moto' }, { AWS_REGION: 'eu-central-1' })).toMatchObject({ region: 'eu-central-1' });
  });

  it('rejects malformed regions with the code of their source', () => {
    expect(failure(() => resolve({ target: 'aws', region: 'EU WEST' }))).toMatchObject({ code: 'E_USAGE' });
    expect(failure(() => resolve({ target: 'aws' }, { AWS_REGION: 'local' }))).toMatchObject({ code: 'E_CONFIG' });
    expect(resolve({ target: 'moto', region: 'local' }).region).toBe('local');
  });
});

describe('resolveTargetConfig endpoint environment variables', () => {
  const both = { AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://127.0.0.1:7001', AWS_ENDPOINT_URL: 'http://127.0.0.1:7002' };

  it('service-specific before global, for the aws preset and when no target is given', () => {
    expect(resolve({ target: 'aws', region: 'us-east-1' }, both)).toMatchObject({
      endpoint: 'http://127.0.0.1:7001/', endpointSource: 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER',
    });
    expect(resolve({}, { AWS_ENDPOINT_URL: 'http://127.0.0.1:7002' })).toMatchObject({
      name: 'custom', endpoint: 'http://127.0.0.1:7002/', endpointSource: 'AWS_ENDPOINT_URL',
    });
  });

  it('--endpoint beats the environment; emulator presets keep their own address', () => {
    expect(resolve({ target: 'aws', region: 'us-east-1', endpoint: 'http://127.0.0.1:7000' }, both)).toMatchObject({
      endpoint: 'http://127.0.0.1:7000/', endpointSource: 'flag',
    });
    expect(resolve({ target: 'localstack' }, both)).toMatchObject({ endpoint: 'http://localhost:4566/', endpointSource: 'preset' });
  });

  it('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true turns them off', () => {
    expect(resolve({ target: 'aws', region: 'us-east-1' }, { ...both, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' })).toMatchObject({
      endpoint: 'https://cognito-idp.us-east-1.amazonaws.com/', endpointSource: 'preset',
    });
  });
});

describe('resolveTargetConfig URL validation', () => {
  it('a bad --endpoint is E_USAGE, a bad environment endpoint E_CONFIG, each one line', () => {
    const bad = failure(() => resolve({ endpoint: 'not a url' }));
    expect(bad).toEqual({ code: 'E_USAGE', message: '--endpoint is not a valid URL: "not a url"' });
    expect(failure(() => resolve({ endpoint: 'ftp://127.0.0.1/' }))).toMatchObject({ code: 'E_USAGE' });
    expect(failure(() => resolve({ endpoint: 'http://127.0.0.1:1/?x=1' }))).toMatchObject({ code: 'E_USAGE' });
    const env = failure(() => resolve({ target: 'aws', region: 'us-east-1' }, { AWS_ENDPOINT_URL: 'localhost:4566' }));
    expect(env.code).toBe('E_CONFIG');
    expect(env.message).not.toContain('\n');
  });

  it('refuses user info and does not repeat it', () => {
    const err = failure(() => resolve({ endpoint: 'http://AKIAXXXX:s3cr3t@127.0.0.1:4566/' }));
    expect(err.code).toBe('E_USAGE');
    expect(err.message).not.toContain('s3cr3t');
    expect(err.message).not.toContain('AKIAXXXX');
  });
});

describe('loadTargetConfig', () => {
  it('does not read profile files when the region is already known', async () => {
    const c = await loadTargetConfig({ target: 'aws' }, { AWS_REGION: 'sa-east-1' });
    expect(c.region).toBe('sa-east-1');
  });
});
