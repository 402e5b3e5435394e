import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeCognito, type FakeCognito } from '../../testing/fakeCognito.js';
import { sendToFake } from '../../testing/sendToFake.js';
import type { Target } from '../exchange.js';
import { createHttpTarget } from '../transports/httpTarget.js';
import { newRunIdPrefix } from './runIdPrefix.js';
import { DEFAULT_OLDER_THAN_MS, RUN_POOL_NAME, sweepLeftovers } from './sweepLeftovers.js';

const HOUR = 3_600_000;
const RUN_A = 'cc-20261126t070000-abcd-1';
const RUN_B = 'cc-20261126t080000-beef-1';
// Pools a sweep must never touch: not named by a run, though two of them start with `cc-`.
const FOREIGN = ['someone-elses-pool', 'cc-customer-pool', 'cc-20261126t070000-ABCD-1', 'prod-cc-20261126t070000-abcd-1'];

async function poolNames(endpoint: string): Promise<string[]> {
  const listed = await sendToFake(endpoint, 'ListUserPools', { MaxResults: 60 });
  return (listed.body as { UserPools: { Name: string }[] }).UserPools.map((p) => p.Name).sort();
}

describe('sweepLeftovers', () => {
  let fake: FakeCognito;
  let target: Target;
  let runA: string;
  beforeEach(async () => {
    fake = await startFakeCognito();
    target = createHttpTarget({ name: 'fake', endpoint: fake.endpoint, region: 'us-east-1' });
    const ids: string[] = [];
    for (const name of [RUN_A, RUN_B, ...FOREIGN]) {
      const created = await sendToFake(fake.endpoint, 'CreateUserPool', { PoolName: name });
      ids.push((created.body as { UserPool: { Id: string } }).UserPool.Id);
    }
    runA = ids[0] as string;
    for (const ClientName of ['left-1', 'left-2']) await sendToFake(fake.endpoint, 'CreateUserPoolClient', { UserPoolId: runA, ClientName });
    // A foreign pool's client, to show its clients are not touched either.
    await sendToFake(fake.endpoint, 'CreateUserPoolClient', { UserPoolId: ids[3] as string, ClientName: 'theirs' });
  });
  afterEach(async () => {
    await target.close();
    await fake.close();
  });

  it('knows a run pool name by its whole shape', () => {
    expect(RUN_POOL_NAME.test(`${newRunIdPrefix()}-1`)).toBe(true);
    expect(RUN_POOL_NAME.test(`${newRunIdPrefix(new Date('2026-01-02T03:04:05Z'), () => '00ff')}-12`)).toBe(true);
    for (const name of FOREIGN) expect(RUN_POOL_NAME.test(name), name).toBe(false);
  });

  it('without delete, lists the leftovers old enough and deletes nothing', async () => {
    const report = await sweepLeftovers(target, { now: Date.now() + 3 * HOUR });
    expect(report.dryRun).toBe(true);
    expect(report.olderThanMs).toBe(DEFAULT_OLDER_THAN_MS);
    expect(report.leftovers.map((p) => p.name).sort()).toEqual([RUN_A, RUN_B]);
    expect(report.leftovers[0]?.ageMs).toBeGreaterThanOrEqual(3 * HOUR - 60_000);
    expect(report.deleted).toEqual([]);
    expect(report.othersUntouched).toBe(FOREIGN.length);
    expect(await poolNames(fake.endpoint)).toEqual([RUN_A, RUN_B, ...FOREIGN].sort());
    const clients = await sendToFake(fake.endpoint, 'ListUserPoolClients', { UserPoolId: runA, MaxResults: 60 });
    expect((clients.body as { UserPoolClients: unknown[] }).UserPoolClients).toHaveLength(2);
  });

  it('leaves pools younger than the age alone (a run still working)', async () => {
    const report = await sweepLeftovers(target, { now: Date.now() + HOUR, delete: true });
    expect(report.leftovers).toEqual([]);
    expect(report.tooYoung.map((p) => p.name).sort()).toEqual([RUN_A, RUN_B]);
    expect(await poolNames(fake.endpoint)).toEqual([RUN_A, RUN_B, ...FOREIGN].sort());
  });

  it('with delete, removes the old run pools with their clients and reports them; foreign pools stay', async () => {
    const report = await sweepLeftovers(target, { now: Date.now() + 3 * HOUR, delete: true });
    expect(report.dryRun).toBe(false);
    expect(report.deleted.map((p) => p.name).sort()).toEqual([RUN_A, RUN_B]);
    expect(report.clientsDeleted).toBe(2);
    expect(report.failures).toEqual([]);
    expect(await poolNames(fake.endpoint)).toEqual([...FOREIGN].sort());
  });

  it('a run id prefix narrows it to that run; a prefix that is not a run prefix is refused', async () => {
    const report = await sweepLeftovers(target, { prefix: 'cc-20261126t070000-abcd', olderThanMs: 0, delete: true });
    expect(report.deleted.map((p) => p.name)).toEqual([RUN_A]);
    expect(await poolNames(fake.endpoint)).toEqual([RUN_B, ...FOREIGN].sort());
    await expect(sweepLeftovers(target, { prefix: 'someone', delete: true })).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(sweepLeftovers(target, { prefix: '' })).rejects.toMatchObject({ code: 'E_USAGE' });
    expect(await poolNames(fake.endpoint)).toEqual([RUN_B, ...FOREIGN].sort());
  });
});
