import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { privateTmp, report, runCli, statusOf, workDir } from './runCli.fixture.js';

/**
 * The main job end to end, as a user runs it: the CLI in its own process against the embedded
 * cognito-local it starts and stops itself.
 */
const work = workDir();
afterAll(() => work.remove());
const subset = 'default.*,user-pool.exists,client-name.max-length,output.client-id.*,protocol.*,token-validity.access.range,consistency.*';

describe('run against the embedded cognito-local', () => {
  it('judges it rule by rule, reports its known gaps as failures and what it does right as passed, and leaves nothing behind', async () => {
    const tmp = privateTmp(work.dir, 'embedded');
    const out = join(work.dir, 'embedded');
    const ran = await runCli(['--rules', subset, '--runs', '5', '--out', out, '--no-baseline'], { env: tmp.env });
    expect(ran.code, ran.stderr).toBe(1);
    const r = report(out);
    expect(r.target.name).toBe('cognito-local');
    expect(r.target.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    // What cognito-local gets wrong (docs/evidence.md §9 and its own docs).
    for (const id of ['default.auth-session-validity', 'default.refresh-token-validity', 'client-name.max-length', 'token-validity.access.range', 'output.client-id.format', 'protocol.request-id']) {
      expect(statusOf(r, id), id).toBe('failed');
    }
    // What it does right.
    for (const id of ['user-pool.exists', 'default.prevent-user-existence-errors.absent', 'default.explicit-auth-flows.absent', 'output.client-id.unique', 'consistency.describe-matches-create', 'protocol.client-error-status']) {
      expect(statusOf(r, id), id).toBe('passed');
    }
    const failed = r.rules.find((x) => x.id === 'client-name.max-length');
    expect(failed?.replay).toMatch(/--rules client-name\.max-length --seed 42 --runs 5 --replay-path \S+/);
    expect(ran.stdout).toContain('✗ client-name.max-length [model: the AWS service model says so]');
    expect(ran.stdout).toMatch(/Totals: \d+ passed, \d+ failed/);
    // The emulator's data directory is gone, and so is its process (its port no longer answers).
    expect(tmp.leftovers()).toEqual([]);
    await expect(fetch(`${r.target.endpoint}health`)).rejects.toThrow();
  });

  it('replays one failure with the printed command', async () => {
    const r = report(join(work.dir, 'embedded'));
    // A failure the request decides (cognito-local accepts a 129-character name), not one that
    // hangs on a server-generated value: a replayed case gets a fresh random ClientId, which may
    // happen to have the real format.
    const replay = r.rules.find((x) => x.id === 'client-name.max-length')?.replay ?? '';
    const args = replay.replace(/^npm run conformance -- run /, '').match(/'[^']*'|\S+/g)?.map((a) => a.replace(/^'|'$/g, '')) ?? [];
    const out = join(work.dir, 'replay');
    const ran = await runCli([...args, '--out', out, '--no-baseline']);
    expect(ran.code).toBe(1);
    const again = report(out);
    expect(again.rules.map((x) => [x.id, x.status])).toEqual([['client-name.max-length', 'failed']]);
    expect(again.rules[0]?.cases).toBe(1);
  });
});

describe('run against the embedded cognito-local with the shipped baseline', () => {
  it('exits 0 with the shipped baseline, listing the gaps as known', async () => {
    const out = join(work.dir, 'baseline');
    const ran = await runCli(['--rules', subset, '--runs', '5', '--out', out]);
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/^KNOWN client-name\.max-length/m);
    expect(ran.stdout).toContain('Baseline: 0 new failures');
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('CreateUserPoolClient conformance: cognito-local');
  });
});
