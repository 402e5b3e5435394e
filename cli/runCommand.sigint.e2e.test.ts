import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeCognito } from '../testing/fakeCognito.js';
import { sendToFake } from '../testing/sendToFake.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { interruptedRun, privateTmp, report, workDir } from './runCli.fixture.js';

/** Ctrl-C in the middle of a run: everything the run created goes, then it exits 130. */
const work = workDir();
afterAll(() => work.remove());

describe('run interrupted by SIGINT', () => {
  it('stops on SIGINT, removes what it created, exits 130 and says it was interrupted, blaming nothing on the target', async () => {
    const tmp = privateTmp(work.dir, 'sigint');
    const out = join(work.dir, 'sigint');
    const ran = await interruptedRun(['--out', out, '--runs', '25'], { env: tmp.env });
    expect(ran.sent).toBe(true);
    expect(ran.code ?? ran.signal).toBe(130);
    expect(tmp.leftovers()).toEqual([]);
    const r = report(out);
    expect(r).toMatchObject({ interrupted: true, signal: 'SIGINT', exitCode: 130 });
    expect(r.rules.filter((x) => x.status === 'error').map((x) => `${x.id}: ${x.reason ?? ''}`)).toEqual([]);
    expect(r.totals.interrupted).toBeGreaterThan(0);
    expect(r.rules.filter((x) => x.status === 'interrupted').every((x) => /^interrupted by SIGINT/.test(x.reason ?? ''))).toBe(true);
    // Short: no line per interrupted rule, and nothing about the target being unreachable or closed.
    expect(ran.stdout.split('\n').length).toBeLessThan(80);
    expect(ran.stdout).not.toMatch(/cannot reach|was closed|ERROR/);
    expect(ran.stdout).toMatch(/Result: exit 130: interrupted by SIGINT/);
  });

  it('leaves no earlier run\'s reports in --out when it fails before judging anything', async () => {
    const out = join(work.dir, 'stale');
    mkdirSync(out, { recursive: true });
    for (const f of ['report.json', 'summary.md', 'junit.xml', 'scorecard.html']) writeFileSync(join(out, f), 'an earlier, unrelated run');
    writeFileSync(join(out, 'keep.txt'), 'not a report');
    const ran = await interruptedRun(['--endpoint', 'http://127.0.0.1:1', '--region', 'us-east-1', '--out', out]);
    expect(ran.code).toBe(2);
    for (const f of ['report.json', 'summary.md', 'junit.xml', 'scorecard.html']) expect(existsSync(join(out, f)), f).toBe(false);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('not a report');
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
