import { describe, expect, it } from 'vitest';
import { DUMMY_CREDENTIALS, guarded, localCredentials } from './credentialSource.js';
import { HarnessError } from '../harnessError.js';

describe('localCredentials', () => {
  it('uses the environment key pair when both halves are set, with the session token', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'secretenv', AWS_SESSION_TOKEN: 'tok' };
    expect(await localCredentials(env)()).toEqual({ accessKeyId: 'AKIDENV', secretAccessKey: 'secretenv', sessionToken: 'tok' });
  });

  it('falls back to the documentation example pair otherwise', async () => {
    expect(await localCredentials({})()).toBe(DUMMY_CREDENTIALS);
    expect(await localCredentials({ AWS_ACCESS_KEY_ID: 'AKIDENV' })()).toBe(DUMMY_CREDENTIALS);
    expect(DUMMY_CREDENTIALS.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
  });
});

describe('guarded', () => {
  it('turns a provider failure into E_CREDENTIALS naming the profile, first line only', async () => {
    const failing = guarded(async () => {
      throw new Error('Could not resolve credentials using profile: [work]\nmore detail');
    }, 'work');
    const err = await failing().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HarnessError);
    expect(err).toMatchObject({
      code: 'E_CREDENTIALS',
      message: 'no AWS credentials from the credential chain (profile work): Could not resolve credentials using profile: [work]',
    });
  });
});
