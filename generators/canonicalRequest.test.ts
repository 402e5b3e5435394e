import { describe, expect, it } from 'vitest';
import { canonicalRequest } from './canonicalRequest.js';

describe('canonicalRequest', () => {
  it('orders members as the contract does and drops undefined ones', () => {
    const out = canonicalRequest({ AuthSessionValidity: 3, Extra: 1, ClientName: 'a', CallbackURLs: undefined, UserPoolId: 'p_1' });
    expect(Object.keys(out)).toEqual(['UserPoolId', 'ClientName', 'AuthSessionValidity', 'Extra']);
  });
});
