import { describe, expect, it } from 'vitest';
import { missingMembers } from './missingMembers.js';

describe('missingMembers', () => {
  it('names members the second value lacks, a whole object once, nested ones by path', () => {
    const wire = { UserPoolClient: { ClientName: 'c', RefreshTokenRotation: { Feature: 'ENABLED' }, TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours' } } };
    const parsed = { UserPoolClient: { ClientName: 'c', TokenValidityUnits: { AccessToken: 'hours' } } };
    expect(missingMembers(wire, parsed)).toEqual(['UserPoolClient.RefreshTokenRotation', 'UserPoolClient.TokenValidityUnits.IdToken']);
  });

  it('finds nothing when all is kept, ignores null members, list items and non-objects', () => {
    expect(missingMembers({ A: 1, B: [1, 2] }, { A: 1, B: [1] })).toEqual([]);
    expect(missingMembers({ A: null, B: undefined }, {})).toEqual([]);
    expect(missingMembers('x', {})).toEqual([]);
    expect(missingMembers({ A: 1 }, undefined)).toEqual(['A']);
  });
});
