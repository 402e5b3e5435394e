import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startStsStub, STS_STUB_DEFAULT_ACCOUNT, type StsStub } from '../../testing/stsStub.js';
import { ACCOUNTS_ENV, allowedAccounts, checkAccount, isLoopbackEndpoint, needsAccountGuard } from './accountGuard.js';
import type { AwsCredentials } from './credentialSource.js';

const CREDS: AwsCredentials = {
  accessKeyId: 'AKIAGUARDTESTKEY0001',
  secretAccessKey: 'guardTestSecretAccessKey/0123456789abcdefXY',
  sessionToken: 'guardTestSessionToken//0123456789abcdefghijklmnopqrstuvwxyz==',
};
const credentials = async () => CREDS;
const OTHER_ACCOUNT = '210987654321';

/**
 * Every AWS_ENDPOINT_URL_* the SDK could read points at loopback; the shared config files are
 * absent so no profile can name an endpoint either. Checked before each call that may reach STS.
 */
function expectLoopbackOnly(): void {
  const named = Object.entries(process.env).filter(([k]) => k.startsWith('AWS_ENDPOINT_URL'));
  expect(named.map(([k]) => k)).toContain('AWS_ENDPOINT_URL_STS');
  for (const [k, v] of named) expect(isLoopbackEndpoint(v ?? ''), `${k}=${v}`).toBe(true);
}

describe('isLoopbackEndpoint / needsAccountGuard', () => {
  it('knows loopback hosts in every spelling the URL parser normalizes, and nothing else', () => {
    for (const url of ['http://127.0.0.1:4566', 'http://localhost:5000/', 'http://[::1]:9229/', 'http://127.1:80', 'http://127.255.0.9/', 'http://[0:0:0:0:0:0:0:1]/']) {
      expect(isLoopbackEndpoint(url), url).toBe(true);
    }
    for (const url of ['https://cognito-idp.eu-west-1.amazonaws.com/', 'http://10.0.0.5:4566', 'http://192.168.1.2/', 'http://localhost.example.com/', 'http://128.0.0.1/', 'not a url']) {
      expect(isLoopbackEndpoint(url), url).toBe(false);
    }
  });

  it('guards the aws preset wherever it points, and any endpoint that is not loopback', () => {
    expect(needsAccountGuard('aws', 'http://127.0.0.1:4566')).toBe(true);
    expect(needsAccountGuard('aws', undefined)).toBe(true);
    expect(needsAccountGuard('emulator', 'http://10.1.2.3:4566')).toBe(true);
    expect(needsAccountGuard('emulator', 'http://localhost:4566')).toBe(false);
    expect(needsAccountGuard('emulator', undefined)).toBe(false);
  });
});

describe('allowedAccounts', () => {
  it('takes the flag first, then CONFORMANCE_AWS_ACCOUNTS, deduplicated', () => {
    expect(allowedAccounts('123456789012, 210987654321,123456789012', { [ACCOUNTS_ENV]: '111111111111' })).toEqual(['123456789012', '210987654321']);
    expect(allowedAccounts(undefined, { [ACCOUNTS_ENV]: '111111111111' })).toEqual(['111111111111']);
    expect(allowedAccounts(undefined, {})).toBeUndefined();
    expect(allowedAccounts(undefined, { [ACCOUNTS_ENV]: '  ' })).toBeUndefined();
  });

  it('rejects what is not a 12-digit account id: E_USAGE for the flag, E_CONFIG for the variable', () => {
    expect(() => allowedAccounts('12345', {})).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    expect(() => allowedAccounts(',', {})).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    expect(() => allowedAccounts(undefined, { [ACCOUNTS_ENV]: 'my-sandbox' })).toThrow(expect.objectContaining({ code: 'E_CONFIG' }));
  });
});

describe('checkAccount against a loopback STS', () => {
  let sts: StsStub;
  let failing: StsStub;
  beforeAll(async () => {
    sts = await startStsStub();
    failing = await startStsStub({ error: { code: 'InvalidClientTokenId', message: `The security token included in the request is invalid: ${CREDS.accessKeyId}`, status: 403 } });
  });
  afterAll(async () => {
    await sts.close();
    await failing.close();
  });
  beforeEach(() => {
    vi.stubEnv('AWS_ENDPOINT_URL_STS', sts.endpoint);
    // Any other service the SDK might reach lands on the discard port of this machine.
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:9');
    vi.stubEnv('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', '');
    vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/aws-config');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/aws-credentials');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('lets loopback emulators through without asking STS', async () => {
    const before = sts.calls().length;
    await expect(checkAccount({ targetKind: 'emulator', endpoint: 'http://127.0.0.1:4566', credentials, region: 'us-east-1' })).resolves.toEqual({ guarded: false });
    await expect(checkAccount({ targetKind: 'emulator', credentials, region: 'us-east-1' })).resolves.toEqual({ guarded: false });
    expect(sts.calls().length).toBe(before);
  });

  it('refuses at once, without any request, when no allowed account is given', async () => {
    const before = sts.calls().length;
    const resolved = vi.fn(credentials);
    for (const input of [
      { targetKind: 'aws' as const, endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/' },
      { targetKind: 'emulator' as const, endpoint: 'http://10.0.0.5:4566/' },
      { targetKind: 'aws' as const, endpoint: 'http://127.0.0.1:4566/', allowed: [] },
    ]) {
      const err = await checkAccount({ ...input, credentials: resolved, region: 'eu-west-1' }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'E_ACCOUNT_REQUIRED' });
      expect((err as Error).message).toContain('--account');
      expect((err as Error).message).toContain(ACCOUNTS_ENV);
      expect((err as Error).message).not.toContain('\n');
    }
    expect(resolved).not.toHaveBeenCalled();
    expect(sts.calls().length).toBe(before);
  });

  it('resolves the caller with STS, signed with the run credentials, and passes an allowed account', async () => {
    expectLoopbackOnly();
    const before = sts.calls().length;
    const result = await checkAccount({
      targetKind: 'aws', endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/', allowed: [OTHER_ACCOUNT, STS_STUB_DEFAULT_ACCOUNT], credentials, region: 'eu-west-1',
    });
    expect(result).toEqual({ guarded: true, account: STS_STUB_DEFAULT_ACCOUNT, arn: `arn:aws:sts::${STS_STUB_DEFAULT_ACCOUNT}:assumed-role/conformance-nightly/gha-session` });
    const calls = sts.calls().slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.action).toBe('GetCallerIdentity');
    expect(calls[0]?.credential).toMatch(new RegExp(`^${CREDS.accessKeyId}/\\d{8}/eu-west-1/sts/aws4_request$`));
    expect(calls[0]?.securityToken).toBe(CREDS.sessionToken);
  });

  it('refuses an account that is not allowed, naming it', async () => {
    expectLoopbackOnly();
    const err = await checkAccount({ targetKind: 'aws', allowed: [OTHER_ACCOUNT], credentials, region: 'eu-west-1' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_ACCOUNT_NOT_ALLOWED' });
    expect((err as Error).message).toContain(`AWS account ${STS_STUB_DEFAULT_ACCOUNT}`);
    expect((err as Error).message).toContain(OTHER_ACCOUNT);
    expect((err as Error).message).not.toContain('\n');
  });

  it('turns an STS refusal into a one-line E_CREDENTIALS without the credentials in it', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_STS', failing.endpoint);
    expectLoopbackOnly();
    const err = await checkAccount({ targetKind: 'aws', allowed: [STS_STUB_DEFAULT_ACCOUNT], credentials, region: 'eu-west-1' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_CREDENTIALS' });
    const message = (err as Error).message;
    expect(message).toContain('InvalidClientTokenId');
    expect(message).not.toContain('\n');
    for (const secret of Object.values(CREDS)) expect(message).not.toContain(secret);
  });

  it('keeps the credential chain’s own failure as it is', async () => {
    const chainFailure = Object.assign(new Error('no credentials in the chain'), { code: 'E_CREDENTIALS' });
    await expect(checkAccount({ targetKind: 'aws', allowed: [STS_STUB_DEFAULT_ACCOUNT], credentials: () => Promise.reject(chainFailure), region: 'eu-west-1' }))
      .rejects.toBe(chainFailure);
  });
});
