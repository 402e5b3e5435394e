import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { sendToFake } from '../testing/sendToFake.js';
import { sweepCommand } from './sweepCommand.js';

describe('sweep', () => {
  let fake: FakeCognito;
  beforeAll(async () => {
    fake = await startFakeCognito();
  });
  afterAll(() => fake.close());

  it('deletes the pools (and their clients) left by runs, and nothing else', async () => {
    const left = await sendToFake(fake.endpoint, 'CreateUserPool', { PoolName: 'cc-20261126t070000-abcd-1' });
    const poolId = (left.body as { UserPool: { Id: string } }).UserPool.Id;
    await sendToFake(fake.endpoint, 'CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'leftover' });
    await sendToFake(fake.endpoint, 'CreateUserPool', { PoolName: 'someone-elses-pool' });
    let printed = '';
    const code = await sweepCommand(['--endpoint', fake.endpoint, '--region', 'us-east-1'], (s) => (printed += s));
    expect(code).toBe(0);
    expect(printed).toContain('deleted cc-20261126t070000-abcd-1');
    expect(printed).toMatch(/1 pool\(s\) and 1 client\(s\) deleted, 0 failure\(s\)/);
    const pools = await sendToFake(fake.endpoint, 'ListUserPools', { MaxResults: 60 });
    expect((pools.body as { UserPools: { Name: string }[] }).UserPools.map((p) => p.Name)).toEqual(['someone-elses-pool']);
  });

  it('refuses the embedded emulator and a missing target with a usage error', async () => {
    await expect(sweepCommand([], () => {})).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(sweepCommand(['--target', 'cognito-local'], () => {})).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});
