import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { contract } from './contract.js';
import { knownSdkDrift } from './knownSdkDrift.js';
import { sdkDrift, type SdkModule } from './sdkDrift.js';

const sdkVersion = (createRequire(import.meta.url)('@aws-sdk/client-cognito-identity-provider/package.json') as { version: string }).version;

describe('contract vs installed AWS SDK', () => {
  it('has no drift beyond the known, explained differences', () => {
    const drift = sdkDrift(sdk as unknown as SdkModule, contract);
    const known = new Set(knownSdkDrift.map((d) => `${d.kind} ${d.path}`));
    const fresh = drift.filter((d) => !known.has(`${d.kind} ${d.path}`)).map((d) => `${d.kind} ${d.path}`);
    expect(fresh, `@aws-sdk/client-cognito-identity-provider ${sdkVersion} differs from the contract`).toEqual([]);
  });

  it('known drift entries still occur (remove the ones an upgrade resolved)', () => {
    const drift = new Set(sdkDrift(sdk as unknown as SdkModule, contract).map((d) => `${d.kind} ${d.path}`));
    const stale = knownSdkDrift.filter((d) => !drift.has(`${d.kind} ${d.path}`)).map((d) => d.path);
    expect(stale, `stale known drift with SDK ${sdkVersion}`).toEqual([]);
  });

  it('reports a member and an enum value that an SDK adds', () => {
    const base = sdk as unknown as SdkModule;
    const request = base['CreateUserPoolClientRequest$'] as unknown[];
    const planted: SdkModule = {
      ...base,
      'CreateUserPoolClientRequest$': [...request.slice(0, 4), [...(request[4] as string[]), 'NewMember'], [...(request[5] as unknown[]), 0], ...request.slice(6)],
      TimeUnitsType: { ...(base.TimeUnitsType as object), WEEKS: 'weeks' },
    };
    const drift = sdkDrift(planted, contract).map((d) => `${d.kind} ${d.path}`);
    expect(drift).toContain('member-only-in-sdk input.NewMember');
    expect(drift).toContain('enum-value-only-in-sdk enum TimeUnitsType: weeks');
  });

  it('reports a member the contract has and the SDK lost', () => {
    const base = sdk as unknown as SdkModule;
    const request = base['CreateUserPoolClientRequest$'] as unknown[];
    const names = request[4] as string[];
    const i = names.indexOf('AuthSessionValidity');
    const planted: SdkModule = {
      ...base,
      'CreateUserPoolClientRequest$': [...request.slice(0, 4), names.filter((_, j) => j !== i), (request[5] as unknown[]).filter((_, j) => j !== i), ...request.slice(6)],
    };
    expect(sdkDrift(planted, contract).map((d) => `${d.kind} ${d.path}`)).toContain('member-only-in-contract input.AuthSessionValidity');
  });
});
