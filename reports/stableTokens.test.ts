import { describe, expect, it } from 'vitest';
import { stableTokens } from './stableTokens.js';

describe('stableTokens', () => {
  it('replaces server-generated values by stable tokens, keeping equal values equal', () => {
    const a = { UserPoolClient: { ClientId: 'abc', UserPoolId: 'p1', CreationDate: 1.5, LastModifiedDate: 1.5, ClientName: 'x' }, list: [{ ClientId: 'abc' }, { ClientId: 'def' }] };
    const b = { UserPoolClient: { ClientId: 'zzz', UserPoolId: 'p9', CreationDate: 7.25, LastModifiedDate: 7.25, ClientName: 'x' }, list: [{ ClientId: 'zzz' }, { ClientId: 'yyy' }] };
    expect(stableTokens(a)).toEqual(stableTokens(b));
    expect(stableTokens(a).list).toEqual([{ ClientId: '<ClientId:1>' }, { ClientId: '<ClientId:2>' }]);
    expect(stableTokens({ ClientName: 'x' })).toEqual(stableTokens({ ClientName: 'x' }));
    expect(stableTokens({ ClientName: 'x' })).not.toEqual(stableTokens({ ClientName: 'y' }));
  });
});
