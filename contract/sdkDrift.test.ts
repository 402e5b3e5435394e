import { describe, expect, it } from 'vitest';
import * as ownSdk from '@aws-sdk/client-cognito-identity-provider';
import { loadSdk } from '../targets/sdk/loadSdk.js';
import { resolveSdkSource, SDK_PACKAGE } from '../targets/sdk/sdkSource.js';
import { contract } from './contract.js';
import { knownSdkDrift } from './knownSdkDrift.js';
import { sdkDrift, type SdkModule } from './sdkDrift.js';

/**
 * The SDK a run started here would send through (targets/sdk/sdkSource.ts): CONFORMANCE_SDK_FROM when
 * set, else the working directory's node_modules, else the tool's own copy. After
 * `npm install @aws-sdk/client-cognito-identity-provider@<version>` this is that version.
 */
const fromEnv = process.env.CONFORMANCE_SDK_FROM;
const source = resolveSdkSource(fromEnv ? { from: fromEnv, fromLabel: 'CONFORMANCE_SDK_FROM' } : {});
const judged = `${SDK_PACKAGE} ${source.version} from ${source.origin}`;
const sdk = (await loadSdk(source)).module as SdkModule;
/**
 * The drift is read from the static schemas newer releases export (`CreateUserPoolClientRequest$`);
 * an older release has none, and its model cannot be read at run time: nothing is judged then,
 * and the skipped tests' names say why.
 */
const readable = Array.isArray(sdk['CreateUserPoolClientRequest$']) && Array.isArray(sdk['UserPoolClientType$']);
const unreadable = readable ? '' : ' (skipped: this release exports no static schemas to read its model from)';

describe(`contract vs the SDK a run would use: ${judged}`, () => {
  it.skipIf(!readable)(`has no drift beyond the known, explained differences${unreadable}`, () => {
    const drift = sdkDrift(sdk, contract);
    const known = new Set(knownSdkDrift.map((d) => `${d.kind} ${d.path}`));
    const fresh = drift.filter((d) => !known.has(`${d.kind} ${d.path}`)).map((d) => `${d.kind} ${d.path}`);
    expect(fresh, `${judged} differs from the contract`).toEqual([]);
  });

  it.skipIf(!readable)(`known drift entries still occur (remove the ones an upgrade resolved)${unreadable}`, () => {
    const drift = new Set(sdkDrift(sdk, contract).map((d) => `${d.kind} ${d.path}`));
    const stale = knownSdkDrift.filter((d) => !drift.has(`${d.kind} ${d.path}`)).map((d) => d.path);
    expect(stale, `stale known drift with ${judged}`).toEqual([]);
  });
});

/** The comparison itself, on planted changes to the tool's own copy (which always has schemas). */
describe('sdkDrift', () => {
  const base = ownSdk as unknown as SdkModule;

  it('reports a member and an enum value that an SDK adds', () => {
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
