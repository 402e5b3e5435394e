import { describe, expect, it } from 'vitest';
import { unmetNeed, type FixtureCapabilities } from './fixtureCapabilities.js';

describe('unmetNeed', () => {
  const caps: FixtureCapabilities = {
    resourceServer: false, identityProvider: true, analytics: false,
    reasons: { 'resource-server': 'target lacks CreateResourceServer' },
  };

  it('names the first missing need with its recorded reason', () => {
    expect(unmetNeed(caps, ['identity-provider', 'resource-server'])).toBe('target lacks CreateResourceServer');
    expect(unmetNeed(caps, ['analytics'])).toBe('fixture lacks analytics');
  });

  it('is undefined when every need is met', () => {
    expect(unmetNeed(caps, ['identity-provider'])).toBeUndefined();
    expect(unmetNeed(caps)).toBeUndefined();
  });
});

describe('unmetNeed for what the run knows of an existing pool', () => {
  it('an absent known-* flag is known (a pool the run created); false names the failed read', () => {
    const created: FixtureCapabilities = { resourceServer: true, identityProvider: true, analytics: true, reasons: {} };
    expect(unmetNeed(created, ['known-attributes', 'known-scopes', 'known-providers'])).toBeUndefined();
    const existing: FixtureCapabilities = {
      ...created, providersKnown: false, reasons: { 'known-providers': 'target lacks ListIdentityProviders (HTTP 400 UnknownOperationException)' },
    };
    expect(unmetNeed(existing, ['known-scopes'])).toBeUndefined();
    expect(unmetNeed(existing, ['known-providers'])).toBe('target lacks ListIdentityProviders (HTTP 400 UnknownOperationException)');
  });
});
