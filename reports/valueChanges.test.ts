import { describe, expect, it } from 'vitest';
import { valueChanges } from './valueChanges.js';

describe('valueChanges', () => {
  it('names members only in A, only in B, and changed, by path', () => {
    const a = { UserPoolClient: { ClientName: 'c', RefreshTokenRotation: { Feature: 'ENABLED' }, AuthSessionValidity: 3 } };
    const b = { UserPoolClient: { ClientName: 'c', AuthSessionValidity: 5, ClientType: 'PUBLIC' } };
    expect(valueChanges(a, b)).toEqual([
      { path: 'UserPoolClient.AuthSessionValidity', before: 3, after: 5 },
      { path: 'UserPoolClient.ClientType', after: 'PUBLIC' },
      { path: 'UserPoolClient.RefreshTokenRotation', before: { Feature: 'ENABLED' } },
    ]);
  });

  it('compares lists by their items, repeats counted, and says nothing of equal values', () => {
    expect(valueChanges({ L: ['a', 'b', 'b'] }, { L: ['a', 'b', 'c'] })).toEqual([{ path: 'L', before: ['b'], after: ['c'], list: true }]);
    expect(valueChanges({ x: [1, { y: 2 }] }, { x: [1, { y: 2 }] })).toEqual([]);
    expect(valueChanges(200, 400)).toEqual([{ path: '', before: 200, after: 400 }]);
    expect(valueChanges(undefined, { a: 1 })).toEqual([{ path: '', after: { a: 1 } }]);
  });
});
