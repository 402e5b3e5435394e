import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeCognito } from '../testing/fakeCognito.js';
import { sendToFake } from '../testing/sendToFake.js';
import { interruptedRun, privateTmp, workDir } from './runCli.fixture.js';

/** Ctrl-C in the middle of a run: everything the run created goes, then it exits 130. */
const work = workDir();
afterAll(() => work.remove());

describe('run interrupted by SIGINT', () => {
  it('stops on SIGINT, removes what it created and exits 130', async () => {
    const tmp = privateTmp(work.dir, 'sigint');
    const ran = await interruptedRun(['--out', join(work.dir, 'sigint'), '--runs', '25'], { env: tmp.env });
    expect(ran.sent).toBe(true);
    expect(ran.code ?? ran.signal).toBe(130);
    expect(tmp.leftovers()).toEqual([]);
  });

  it('on SIGINT deletes the pool, clients, resource server and identity provider it created there', async () => {
    const target = await startFakeCognito();
    try {
      const ran = await interruptedRun(['--endpoint', target.endpoint, '--region', 'us-east-1', '--out', join(work.dir, 'sigint-remote'), '--runs', '25']);
      expect(ran.sent).toBe(true);
      expect(ran.code ?? ran.signal).toBe(130);
      const pools = await sendToFake(target.endpoint, 'ListUserPools', { MaxResults: 60 });
      expect((pools.body as { UserPools: unknown[] }).UserPools).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
