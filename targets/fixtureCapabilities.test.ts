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
