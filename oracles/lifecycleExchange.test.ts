import { describe as suite, expect, it } from 'vitest';
import { create, defaultClient, refused } from '../testing/lifecycleHistoryFixture.js';
import { answeredClient, clientIdOf, errorTypeOf } from './lifecycleExchange.js';

suite('reading a recorded exchange', () => {
  it('reads the error type as awsJson1_1 clients do, and the client an accepted exchange answers', () => {
    const e = refused('DescribeUserPoolClient', { ClientId: 'x' }, 'ResourceNotFoundException');
    expect(errorTypeOf({ ...e, response: { ...e.response, headers: {}, body: { __type: 'com.amazonaws#ResourceNotFoundException:http://x' } } })).toBe('ResourceNotFoundException');
    expect(errorTypeOf(e)).toBe('ResourceNotFoundException');
    const c = create({}, defaultClient('abc'));
    expect(answeredClient(c)?.ClientId).toBe('abc');
    expect(clientIdOf(c)).toBe('abc');
  });
});
