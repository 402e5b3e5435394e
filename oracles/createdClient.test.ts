import { describe, expect, it } from 'vitest';
import { createdClient } from './createdClient.js';
import { makeExchange, rejectedCreate } from '../testing/observationFixture.js';

describe('createdClient', () => {
  it('is the UserPoolClient object of a 2xx answer, else undefined', () => {
    expect(createdClient(makeExchange({ body: { UserPoolClient: { ClientId: 'a' } } }))).toEqual({ ClientId: 'a' });
    expect(createdClient(makeExchange({ body: { UserPoolClient: [] } }))).toBeUndefined();
    expect(createdClient(makeExchange({ body: undefined }))).toBeUndefined();
    expect(createdClient(rejectedCreate('InvalidParameterException'))).toBeUndefined();
    expect(createdClient(undefined)).toBeUndefined();
  });
});
