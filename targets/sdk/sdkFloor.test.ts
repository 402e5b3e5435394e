import { describe, expect, it } from 'vitest';
import { HarnessError } from '../harnessError.js';
import { checkSdkFloor, compareVersions, SDK_FLOOR, SDK_RANGE } from './sdkFloor.js';

function refusal(version: string): HarnessError | undefined {
  try {
    checkSdkFloor({ version, origin: 'node_modules/x (--sdk-from)' });
    return undefined;
  } catch (err) {
    if (err instanceof HarnessError) return err;
    throw err;
  }
}

describe('the SDK floor', () => {
  it('compares versions by number, not as text', () => {
    expect(compareVersions('3.1169.0', '3.900.0')).toBeGreaterThan(0);
    expect(compareVersions('3.521.0', '3.521.0')).toBe(0);
    expect(compareVersions('3.515.0', '3.521.0')).toBeLessThan(0);
    expect(compareVersions('3.521.1-beta.1', '3.521.1')).toBe(0);
  });

  it('accepts the floor and every later v3 release', () => {
    for (const v of [SDK_FLOOR, '3.600.0', '3.900.0', '3.1169.0', '3.9999.9']) expect(refusal(v), v).toBeUndefined();
  });

  it('refuses a release below the floor in one E_CONFIG line that names the minimum', () => {
    const err = refusal('3.515.0');
    expect(err?.code).toBe('E_CONFIG');
    expect(err?.message).toBe(`@aws-sdk/client-cognito-identity-provider 3.515.0 from node_modules/x (--sdk-from) is older than ${SDK_FLOOR}, the oldest release the SDK transport supports: install ${SDK_FLOOR} or newer (or name another with --sdk-from DIR)`);
  });

  it('refuses a next major, naming the supported range', () => {
    expect(refusal('4.0.0')?.message).toContain(`is not a v3 release: the SDK transport supports ${SDK_RANGE}`);
  });

  it('package.json declares the tested range as an optional peer dependency', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as {
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
      devDependencies?: Record<string, string>;
    };
    expect(pkg.peerDependencies?.['@aws-sdk/client-cognito-identity-provider']).toBe(SDK_RANGE);
    expect(pkg.peerDependenciesMeta?.['@aws-sdk/client-cognito-identity-provider']?.optional).toBe(true);
    // The floor is installed (an npm alias) so that the tests run through it.
    expect(pkg.devDependencies?.['aws-sdk-cognito-floor']).toBe(`npm:@aws-sdk/client-cognito-identity-provider@${SDK_FLOOR}`);
  });
});
