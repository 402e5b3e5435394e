import { describe, expect, it } from 'vitest';
import { fullPool } from '../testing/poolFixtures.js';
import { recordedExchangeOf } from './recordedExchangeOf.js';

describe('recordedExchangeOf', () => {
  it('keeps the operation, request, answer and send time, and the pool the Update validation needs', () => {
    const r = recordedExchangeOf({ operation: 'ListUserPoolClients', input: { UserPoolId: 'p', MaxResults: 1 }, status: 200, headers: {}, body: { UserPoolClients: [] }, rawBody: '', elapsedMs: 1 }, Date.parse('2026-01-01T00:00:00Z'), fullPool);
    expect(r).toMatchObject({ operation: 'ListUserPoolClients', request: { MaxResults: 1 }, response: { status: 200, body: { UserPoolClients: [] } }, recordedAt: '2026-01-01T00:00:00.000Z' });
    expect(r.pool?.resourceServerScopes).toEqual([...fullPool.resourceServerScopes]);
  });
});
