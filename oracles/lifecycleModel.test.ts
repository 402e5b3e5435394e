import { describe as suite, expect, it } from 'vitest';
import { create, defaultClient, describe, refused, remove, update } from '../testing/lifecycleHistoryFixture.js';
import { clientKey } from './lifecycleExchange.js';
import { lifecycleModel } from './lifecycleModel.js';

const A = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';

suite('the lifecycle model (a fold of the history)', () => {
  it('follows accepted writes, keeps the name an Update omits, ignores refusals and marks deletes', () => {
    const h = [
      create({ ClientName: 'web' }, defaultClient(A, { ClientName: 'web', ClientSecret: 's' })),
      update(A, { RefreshTokenValidity: 5 }, defaultClient(A, { ClientName: 'web', RefreshTokenValidity: 5 }), 2),
      describe(A, defaultClient(A, { ClientName: 'web', RefreshTokenValidity: 5 }), 3),
      refused('UpdateUserPoolClient', { ClientId: A, AccessTokenValidity: 25 }, 'InvalidParameterException', 4),
    ];
    const c = lifecycleModel(h).clients.get(clientKey(h[0]?.request.UserPoolId as string, A));
    expect(c).toMatchObject({ name: 'web', secret: 's', request: { RefreshTokenValidity: 5 }, lastWriteRefused: true, deleted: false, described: { RefreshTokenValidity: 5 } });
    expect(lifecycleModel([...h, remove(A)]).clients.get(clientKey(h[0]?.request.UserPoolId as string, A))?.deleted).toBe(true);
  });
});
