import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { report, runCli, runPlainVitest, workDir } from './runCli.fixture.js';

/**
 * The plain-vitest path (`npx vitest run -c suites/vitest.config.ts [--shard i/n]`, for CI
 * sharding), next to the CLI's in-process runner: same settings reader, same rules, same verdicts.
 */
const work = workDir();
afterAll(() => work.remove());

describe('plain vitest with the suite files', () => {
  let clean: FakeCognito;
  let faulty: FakeCognito;
  beforeAll(async () => {
    clean = await startFakeCognito();
    faulty = await startFakeCognito({ faults: new Set(['accept-invalid', 'no-request-id', 'wrong-error-type'] as const) });
  });
  afterAll(async () => {
    await clean.close();
    await faulty.close();
  });

  it('shards with plain vitest --shard, and the shard reports merge into one', async () => {
    const env: NodeJS.ProcessEnv = { CONFORMANCE_ENDPOINT: clean.endpoint, CONFORMANCE_REGION: 'us-east-1', CONFORMANCE_RUNS: '2' };
    const shard = (i: number) => runPlainVitest(['--shard', `${i}/2`], { ...env, CONFORMANCE_OUT: join(work.dir, `shard-${i}`) });
    const [one, two] = await Promise.all([shard(1), shard(2)]);
    expect(one.code, one.stdout.slice(-2000)).toBe(0);
    expect(two.code, two.stdout.slice(-2000)).toBe(0);
    const first = report(join(work.dir, 'shard-1'));
    const second = report(join(work.dir, 'shard-2'));
    expect(first.rules.length).toBeGreaterThan(0);
    expect(second.rules.length).toBeGreaterThan(0);
    const merged = join(work.dir, 'merged');
    const ran = await runCli(['merge', '--out', merged, join(work.dir, 'shard-1', 'report.json'), join(work.dir, 'shard-2', 'report.json')]);
    expect(ran.code, ran.stderr).toBe(0);
    const all = report(merged);
    expect(all.rules.length).toBe(first.rules.length + second.rules.length);
    expect(new Set(all.rules.map((x) => x.id)).size).toBe(all.rules.length);
    expect(all.totals.passed).toBe(all.rules.length);
  });

  it('gives the same verdict for every rule as the CLI\'s in-process runner, for the same seed', async () => {
    const outCli = join(work.dir, 'same-cli');
    const outVitest = join(work.dir, 'same-vitest');
    const [cli, vitest] = await Promise.all([
      runCli(['--endpoint', faulty.endpoint, '--region', 'us-east-1', '--runs', '3', '--seed', '7', '--out', outCli]),
      runPlainVitest([], { CONFORMANCE_ENDPOINT: faulty.endpoint, CONFORMANCE_REGION: 'us-east-1', CONFORMANCE_RUNS: '3', CONFORMANCE_SEED: '7', CONFORMANCE_OUT: outVitest }),
    ]);
    expect(cli.code, cli.stderr).toBe(1);
    expect(vitest.code).toBe(1);
    const a = report(outCli);
    const b = report(outVitest);
    expect(a.rules.length).toBeGreaterThanOrEqual(100);
    expect(b.rules.map((r) => [r.id, r.status])).toEqual(a.rules.map((r) => [r.id, r.status]));
    // Not only the statuses: the same failing case, shrunk the same way, with the same replay (each
    // run has a pool of its own, so pool ids and run-named values are set aside).
    const ownPool = (s: string) => s.replace(/us-east-1_[0-9A-Za-z]+/g, '<pool>').replace(/cc-\d{8}t\d{6}-[0-9a-z]+/g, '<run>');
    const failures = (r: typeof a) => r.rules.filter((x) => x.status === 'failed').map((x) => [x.id, x.path, ownPool(JSON.stringify(x.counterexample)), x.replay]);
    expect(failures(a).length).toBeGreaterThanOrEqual(3);
    expect(failures(b)).toEqual(failures(a));
    expect(b.harnessErrors).toEqual([]);
  });

  it('runs the rules CONFORMANCE_RULES selects; suite files left without rules are no error', async () => {
    const out = join(work.dir, 'subset');
    const ran = await runPlainVitest([], { CONFORMANCE_ENDPOINT: clean.endpoint, CONFORMANCE_RULES: 'default.*', CONFORMANCE_RUNS: '2', CONFORMANCE_OUT: out });
    expect(ran.code, ran.stdout.slice(-2000)).toBe(0);
    const r = report(out);
    expect(r.rules.length).toBeGreaterThan(5);
    expect(r.rules.every((x) => x.id.startsWith('default.') && x.status === 'passed')).toBe(true);
    expect(r.harnessErrors).toEqual([]);
  });

  it('rejects an unknown CONFORMANCE_TRANSPORT as the CLI rejects --transport nope', async () => {
    const [vitest, cli] = await Promise.all([
      runPlainVitest([], { CONFORMANCE_ENDPOINT: clean.endpoint, CONFORMANCE_TRANSPORT: 'nope', CONFORMANCE_OUT: join(work.dir, 'nope') }),
      runCli(['--endpoint', clean.endpoint, '--transport', 'nope']),
    ]);
    expect(vitest.code).not.toBe(0);
    expect(vitest.stdout + vitest.stderr).toContain('CONFORMANCE_TRANSPORT must be http or sdk, got "nope"');
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('--transport must be http or sdk, got "nope"');
  });
});
