import type { FixtureNeed } from '../../contract/rule.js';

/**
 * What a pool fixture could create on this target, and what the run knows of its pool. Rules whose
 * `needs` are not met are skipped with the reason ("target lacks CreateResourceServer (HTTP 501)",
 * "ListIdentityProviders answered HTTP 500 …"), never failed: the gap is the target's missing or
 * broken operation, not a conformance verdict on CreateUserPoolClient.
 */
export interface FixtureCapabilities {
  resourceServer: boolean;
  identityProvider: boolean;
  analytics: boolean;
  /**
   * Whether the run knows the pool's attribute schema, its resource servers' scopes and its
   * identity providers. A pool the run created holds exactly what it put there, so these are
   * absent (known); an existing pool (`--user-pool-id`) is read with DescribeUserPool,
   * ListResourceServers and ListIdentityProviders, and each read that fails sets its flag false.
   */
  attributesKnown?: boolean;
  scopesKnown?: boolean;
  providersKnown?: boolean;
  /** Why each missing one is missing, keyed as contract/ names fixture needs. */
  reasons: Partial<Record<FixtureNeed, string>>;
}

type Flag = keyof Omit<FixtureCapabilities, 'reasons'>;

const FLAG: Readonly<Record<FixtureNeed, Flag>> = {
  'resource-server': 'resourceServer',
  'identity-provider': 'identityProvider',
  analytics: 'analytics',
  'known-attributes': 'attributesKnown',
  'known-scopes': 'scopesKnown',
  'known-providers': 'providersKnown',
};

/** The skip reason for the first need the fixture cannot meet, or undefined when all are met. */
export function unmetNeed(capabilities: FixtureCapabilities, needs: readonly FixtureNeed[] = []): string | undefined {
  for (const need of needs) {
    // An absent `known-*` flag means known (see above); the fixtures' own flags are always set.
    const met = capabilities[FLAG[need]] ?? need.startsWith('known-');
    if (!met) return capabilities.reasons[need] ?? `fixture lacks ${need}`;
  }
  return undefined;
}
