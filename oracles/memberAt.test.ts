import { describe, expect, it } from 'vitest';
import { memberAt } from './memberAt.js';

describe('memberAt', () => {
  it('reads dotted paths and stops at anything that is not an object', () => {
    const v = { TokenValidityUnits: { RefreshToken: 'days' }, List: ['x'] };
    expect(memberAt(v, 'TokenValidityUnits.RefreshToken')).toBe('days');
    expect(memberAt(v, 'TokenValidityUnits.AccessToken')).toBeUndefined();
    expect(memberAt(v, 'List.length')).toBeUndefined();
    expect(memberAt(undefined, 'a')).toBeUndefined();
  });
});
