import { describe, expect, it } from 'vitest';
import { requestMatches } from './requestMatches.js';

describe('requestMatches', () => {
  it('matches every request without `when`', () => {
    expect(requestMatches({}, undefined)).toBe(true);
  });

  it('omit: really absent, at nested paths too; an explicit value is not an omission', () => {
    const when = { omit: ['GenerateSecret', 'TokenValidityUnits.RefreshToken'] };
    expect(requestMatches({ TokenValidityUnits: { AccessToken: 'hours' } }, when)).toBe(true);
    expect(requestMatches({ GenerateSecret: false }, when)).toBe(false);
    expect(requestMatches({ TokenValidityUnits: { RefreshToken: 'days' } }, when)).toBe(false);
  });

  it('set: deep-equal values', () => {
    expect(requestMatches({ RefreshTokenValidity: 0 }, { set: { RefreshTokenValidity: 0 } })).toBe(true);
    expect(requestMatches({ RefreshTokenValidity: 1 }, { set: { RefreshTokenValidity: 0 } })).toBe(false);
    expect(requestMatches({}, { set: { GenerateSecret: true } })).toBe(false);
  });
});
