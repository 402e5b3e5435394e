import type { DriftItem } from './sdkDrift.js';

/**
 * Differences between the contract (model 2026-04-21) and the installed SDK that are known and
 * explained. Anything else the drift test finds is new and fails the test, naming the SDK version.
 */
export interface KnownDrift extends DriftItem {
  sdkVersion: string;
  why: string;
}

export const knownSdkDrift: readonly KnownDrift[] = [
  {
    path: 'output.ClientType',
    kind: 'member-only-in-sdk',
    sdkVersion: '3.1169.0',
    why: 'npm @aws-sdk/client-cognito-identity-provider 3.1169.0 (2026-11) adds an output-only UserPoolClientType.ClientType that the 2026-04-21 model lacks (docs/evidence.md §4). The contract follows the model until evidence of real responses carrying it arrives.',
  },
];
