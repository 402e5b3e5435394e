import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
    const names = async () => ((await sendToFake(fake.endpoint, 'ListUserPools', { MaxResults: 60 })).body as { UserPools: { Name: string }[] }).UserPools.map((p) => p.Name);
    let printed = '';
    // By default: pools of at least 2 hours only, and a list, not a deletion.
    expect(await sweepCommand(['--endpoint', fake.endpoint, '--region', 'us-east-1'], (s) => (printed += s))).toBe(0);
    expect(printed).toContain('0 leftover pool(s) found, none deleted (pass --yes to delete them); 1 run pool(s) younger than 2h kept, 1 other pool(s) not touched');
    printed = '';
    expect(await sweepCommand(['--endpoint', fake.endpoint, '--region', 'us-east-1', '--older-than', '0'], (s) => (printed += s))).toBe(0);
    expect(printed).toMatch(/^would delete cc-20261126t070000-abcd-1 \(us-east-1_\w+, \d+ms old\)$/m);
    expect(await names()).toHaveLength(2);
    printed = '';
    expect(await sweepCommand(['--endpoint', fake.endpoint, '--region', 'us-east-1', '--older-than', '0', '--yes'], (s) => (printed += s))).toBe(0);
    expect(printed).toContain('deleted cc-20261126t070000-abcd-1');
    expect(printed).toMatch(/1 pool\(s\) and 1 client\(s\) deleted, 0 failure\(s\)/);
    expect(await names()).toEqual(['someone-elses-pool']);
  });

  it('refuses aws without an allowed account before sending anything', async () => {
    vi.stubEnv('CONFORMANCE_AWS_ACCOUNTS', '');
    await expect(sweepCommand(['--target', 'aws', '--region', 'eu-west-1', '--yes'], () => {})).rejects.toMatchObject({ code: 'E_ACCOUNT_REQUIRED' });
    await expect(sweepCommand(['--endpoint', fake.endpoint, '--older-than', 'soon'], () => {})).rejects.toMatchObject({ code: 'E_USAGE' });
    vi.unstubAllEnvs();
  });

  it('refuses the embedded emulator and a missing target with a usage error', async () => {
    await expect(sweepCommand([], () => {})).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(sweepCommand(['--target', 'cognito-local'], () => {})).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});
