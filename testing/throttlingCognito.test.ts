import { afterEach, describe, expect, it } from 'vitest';
import { sendToFake } from './sendToFake.js';
import { startThrottlingCognito, type ThrottlingCognito } from './throttlingCognito.js';

// Slow refill (one token per 2 s) and a 5-token bucket: a burst sent at once finds exactly the
// bucket's tokens, however slow the machine is within two seconds.
const SLOW = { poolWritesPerSecond: 0.5, accountWritesPerSecond: 1.5, poolReadsPerSecond: 0.5, accountReadsPerSecond: 1.5, burstSeconds: 10 };

async function newPool(endpoint: string, name: string): Promise<string> {
  const created = await sendToFake(endpoint, 'CreateUserPool', { PoolName: name });
  return (created.body as { UserPool: { Id: string } }).UserPool.Id;
}

describe('throttling fake Cognito', () => {
  let proxy: ThrottlingCognito | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  it('answers creates over the pool limit 400 TooManyRequestsException "Rate exceeded", and does not execute them', async () => {
    proxy = await startThrottlingCognito(SLOW);
    const pool = await newPool(proxy.endpoint, 'cc-throttle-1');
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => sendToFake(proxy!.endpoint, 'CreateUserPoolClient', { UserPoolId: pool, ClientName: `c${i}` })),
    );
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(r).toMatchObject({ status: 400, errorType: 'TooManyRequestsException', errorMessage: 'Rate exceeded' });
    const stats = proxy.stats();
    expect(stats.admitted.CreateUserPoolClient).toBe(5);
    expect(stats.throttled.CreateUserPoolClient).toBe(7);
    expect([...stats.createsByName.values()].every((n) => n === 1)).toBe(true);
    expect(stats.writesByPool.get(pool)).toBe(5);
    // Reads have buckets of their own; the fake behind holds exactly the admitted clients.
    const listed = await sendToFake(proxy.endpoint, 'ListUserPoolClients', { UserPoolId: pool, MaxResults: 60 });
    expect((listed.body as { UserPoolClients: unknown[] }).UserPoolClients).toHaveLength(5);
  });

  it('holds the pools of one account together to the account limit', async () => {
    proxy = await startThrottlingCognito(SLOW);
    const pools = await Promise.all(['a', 'b', 'c', 'd'].map((n) => newPool(proxy!.endpoint, `cc-throttle-${n}`)));
    const answers = await Promise.all(
      pools.flatMap((pool) => Array.from({ length: 5 }, (_, i) => sendToFake(proxy!.endpoint, 'CreateUserPoolClient', { UserPoolId: pool, ClientName: `${pool}-${i}` }))),
    );
    // 4 pools × 5 = 20 within every pool's limit, but the account's bucket holds 15.
    expect(answers.filter((a) => a.status === 200)).toHaveLength(15);
    expect(proxy.stats().throttled.CreateUserPoolClient).toBe(5);
  });

  it('counts each documented category on its own: pool writes do not take client writes\' tokens', async () => {
    proxy = await startThrottlingCognito(SLOW);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => sendToFake(proxy!.endpoint, 'CreateUserPool', { PoolName: `cc-many-${i}` })));
    // UserPoolUpdate: 15 tokens in the account's bucket (1.5/s × 10 s).
    expect(answers.filter((a) => a.status === 200)).toHaveLength(15);
    expect(proxy.stats().throttled.CreateUserPool).toBe(5);
    const pool = (answers.find((a) => a.status === 200)?.body as { UserPool: { Id: string } }).UserPool.Id;
    const creates = await Promise.all(Array.from({ length: 5 }, (_, i) => sendToFake(proxy!.endpoint, 'CreateUserPoolClient', { UserPoolId: pool, ClientName: `c${i}` })));
    expect(creates.every((a) => a.status === 200)).toBe(true);
  });

  it('limits each operation in a pool on its own, as documented, or the category with perPool: category', async () => {
    for (const [perPool, admitted] of [['operation', 10], ['category', 5]] as const) {
      proxy = await startThrottlingCognito({ ...SLOW, perPool });
      const pool = await newPool(proxy.endpoint, 'cc-per-op');
      const created = await Promise.all(Array.from({ length: 5 }, (_, i) => sendToFake(proxy!.endpoint, 'CreateUserPoolClient', { UserPoolId: pool, ClientName: `c${i}` })));
      const ids = created.map((a) => (a.body as { UserPoolClient?: { ClientId: string } }).UserPoolClient?.ClientId).filter((id) => id !== undefined);
      const deleted = await Promise.all(ids.map((ClientId) => sendToFake(proxy!.endpoint, 'DeleteUserPoolClient', { UserPoolId: pool, ClientId })));
      expect(created.filter((a) => a.status === 200).length + deleted.filter((a) => a.status === 200).length).toBe(admitted);
      await proxy.close();
      proxy = undefined;
    }
  });
});
