import type { FixtureNeed } from '../contract/rule.js';

/**
 * What a pool fixture could create on this target. Rules whose `needs` are not met are skipped
 * with the reason ("target lacks CreateResourceServer"), never failed: the gap is the target's
 * missing operation, not a conformance verdict on CreateUserPoolClient.
 */
export interface FixtureCapabilities {
  resourceServer: boolean;
  identityProvider: boolean;
  analytics: boolean;
  /** Why each missing one is missing, keyed as contract/ names fixture needs. */
  reasons: Partial<Record<FixtureNeed, string>>;
}

const FLAG: Readonly<Record<FixtureNeed, keyof Omit<FixtureCapabilities, 'reasons'>>> = {
  'resource-server': 'resourceServer',
  'identity-provider': 'identityProvider',
  analytics: 'analytics',
};

/** The skip reason for the first need the fixture cannot meet, or undefined when all are met. */
export function unmetNeed(capabilities: FixtureCapabilities, needs: readonly FixtureNeed[] = []): string | undefined {
  for (const need of needs) {
    if (!capabilities[FLAG[need]]) return capabilities.reasons[need] ?? `fixture lacks ${need}`;
  }
  return undefined;
}
