import { describe, expect, it } from 'vitest';
import { listedClients } from './listedClients.js';
import { listing, makeExchange } from '../testing/observationFixture.js';

describe('listedClients', () => {
  it('reads UserPoolClients and whether more pages follow', () => {
    expect(listedClients(listing([{ ClientId: 'a', ClientName: 'n' }]))).toMatchObject({ clients: [{ ClientId: 'a', ClientName: 'n' }], partial: false });
    expect(listedClients(makeExchange({ body: { UserPoolClients: [], NextToken: 't' } }))?.partial).toBe(true);
  });

  it('gives nothing for a failed or malformed listing, and skips entries without a ClientId', () => {
    expect(listedClients(undefined)).toBeUndefined();
    expect(listedClients(makeExchange({ status: 400, body: { UserPoolClients: [] } }))).toBeUndefined();
    expect(listedClients(makeExchange({ body: { UserPoolClients: 'x' } }))).toBeUndefined();
    expect(listedClients(makeExchange({ body: { UserPoolClients: [{ ClientName: 'no id' }, 3] } }))?.clients).toEqual([]);
  });
});
