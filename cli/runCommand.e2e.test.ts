import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { sendToFake } from '../testing/sendToFake.js';
import type { RunReport } from '../reports/runReport.js';

/**
 * The main job end to end, as a user runs it: the CLI in its own process, real sockets on
 * loopback, the embedded cognito-local started and stopped by the tool, or the fake Cognito
 * (clean and with planted faults) reached through --endpoint.
 */
const bin = new URL('./bin.js', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'cc-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runCli(args: string[], options: { onStderr?: (text: string, child: ReturnType<typeof spawn>) => void } = {}): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, CI: '1' };
    delete env.AWS_ENDPOINT_URL;
    delete env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER;
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      options.onStderr?.(stderr, child);
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
}

/** Runs the CLI and sends it SIGINT once it reports its first finished rule. */
async function interruptedRun(args: string[]): Promise<Ran & { sent: boolean }> {
  let sent = false;
  const ran = await runCli(args, {
    onStderr: (text, child) => {
      if (!sent && /\[\d+\/\d+\]/.test(text)) {
        sent = true;
        child.kill('SIGINT');
      }
    },
  });
  return { ...ran, sent };
}

function report(dir: string): RunReport {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
}

function statusOf(r: RunReport, id: string): string | undefined {
  return r.rules.find((x) => x.id === id)?.status;
}

const emulatorDirs = () => new Set(readdirSync(tmpdir()).filter((d) => d.startsWith('cognito-local-')));

describe('run against the embedded cognito-local', () => {
  const subset = 'default.*,user-pool.exists,client-name.max-length,output.client-id.*,protocol.*,token-validity.access.range,consistency.*';

  it('judges it rule by rule, reports its known gaps as failures and what it does right as passed, and leaves nothing behind', async () => {
    const before = emulatorDirs();
    const out = join(work, 'embedded');
    const ran = await runCli(['--rules', subset, '--runs', '5', '--out', out, '--no-baseline']);
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
    expect([...emulatorDirs()].filter((d) => !before.has(d))).toEqual([]);
    await expect(fetch(`${r.target.endpoint}health`)).rejects.toThrow();
  });

  it('exits 0 with the shipped baseline, listing the gaps as known', async () => {
    const out = join(work, 'baseline');
    const ran = await runCli(['--rules', subset, '--runs', '5', '--out', out]);
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/^KNOWN client-name\.max-length/m);
    expect(ran.stdout).toContain('Baseline: 0 new failures');
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('CreateUserPoolClient conformance: cognito-local');
  });

  it('replays one failure with the printed command', async () => {
    const r = report(join(work, 'embedded'));
    const replay = r.rules.find((x) => x.id === 'output.client-id.format')?.replay ?? '';
    const args = replay.replace(/^npm run conformance -- run /, '').match(/'[^']*'|\S+/g)?.map((a) => a.replace(/^'|'$/g, '')) ?? [];
    const out = join(work, 'replay');
    const ran = await runCli([...args, '--out', out, '--no-baseline']);
    expect(ran.code).toBe(1);
    const again = report(out);
    expect(again.rules.map((x) => [x.id, x.status])).toEqual([['output.client-id.format', 'failed']]);
    expect(again.rules[0]?.cases).toBe(1);
  });

  it('stops on SIGINT, removes what it created and exits 130', async () => {
    const before = emulatorDirs();
    const ran = await interruptedRun(['--out', join(work, 'sigint'), '--runs', '25']);
    expect(ran.sent).toBe(true);
    expect(ran.code ?? ran.signal).toBe(130);
    expect([...emulatorDirs()].filter((d) => !before.has(d))).toEqual([]);
  });
});

describe('run against another endpoint (the fake Cognito, in this process)', () => {
  let clean: FakeCognito;
  let faulty: FakeCognito;
  beforeAll(async () => {
    clean = await startFakeCognito();
    faulty = await startFakeCognito({ faults: new Set(['accept-invalid', 'no-request-id'] as const) });
  });
  afterAll(async () => {
    await clean.close();
    await faulty.close();
  });

  it('passes every rule against a target that behaves as the contract says', async () => {
    const out = join(work, 'clean');
    const ran = await runCli(['--endpoint', clean.endpoint, '--region', 'us-east-1', '--runs', '3', '--out', out]);
    expect(ran.code, ran.stdout.slice(-3000)).toBe(0);
    const r = report(out);
    expect(r.rules.length).toBeGreaterThanOrEqual(100);
    expect(r.rules.filter((x) => x.status !== 'passed').map((x) => `${x.id}: ${x.status} ${x.reason ?? ''}`)).toEqual([]);
  });

  it('runs the same cases through the SDK, recording its view and version', async () => {
    const out = join(work, 'sdk');
    const ran = await runCli(['--endpoint', clean.endpoint, '--region', 'us-east-1', '--transport', 'sdk', '--rules', 'default.*,user-pool.exists,client-name.max-length', '--runs', '3', '--out', out]);
    expect(ran.code, ran.stdout.slice(-2000)).toBe(0);
    const r = report(out);
    expect(r.target.transport).toBe('sdk');
    expect(r.target.sdkVersion).toMatch(/^3\.\d+\.\d+$/);
    const notFound = r.rules.find((x) => x.id === 'user-pool.exists');
    expect(notFound?.sdk).toMatchObject({ layer: 'server', status: 400, errorType: 'ResourceNotFoundException', sdkError: 'ResourceNotFoundException', sentAsBuilt: true });
    expect(r.rules.find((x) => x.id === 'default.auth-session-validity')?.sdk).toMatchObject({ layer: 'server', status: 200, output: { UserPoolClient: { AuthSessionValidity: 3 } } });
  });

  it('shards with plain vitest --shard, and the shard reports merge into one', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CONFORMANCE_ENDPOINT: clean.endpoint, CONFORMANCE_REGION: 'us-east-1', CONFORMANCE_RUNS: '2' };
    const vitest = new URL('../node_modules/vitest/vitest.mjs', import.meta.url).pathname;
    const config = new URL('../runner/vitest.config.ts', import.meta.url).pathname;
    const root = new URL('..', import.meta.url).pathname;
    const shard = (i: number) => new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [vitest, 'run', '-c', config, '--shard', `${i}/2`], { cwd: root, env: { ...env, CONFORMANCE_OUT: join(work, `shard-${i}`) }, stdio: 'ignore' });
      child.on('close', resolve);
    });
    expect(await shard(1)).toBe(0);
    expect(await shard(2)).toBe(0);
    const one = report(join(work, 'shard-1'));
    const two = report(join(work, 'shard-2'));
    expect(one.rules.length).toBeGreaterThan(0);
    expect(two.rules.length).toBeGreaterThan(0);
    const merged = join(work, 'merged');
    const ran = await runCli(['merge', '--out', merged, join(work, 'shard-1', 'report.json'), join(work, 'shard-2', 'report.json')]);
    expect(ran.code, ran.stderr).toBe(0);
    const all = report(merged);
    expect(all.rules.length).toBe(one.rules.length + two.rules.length);
    expect(new Set(all.rules.map((x) => x.id)).size).toBe(all.rules.length);
    expect(all.totals.passed).toBe(all.rules.length);
  });

  it('on SIGINT deletes the pool, clients, resource server and identity provider it created there', async () => {
    const target = await startFakeCognito();
    try {
      const ran = await interruptedRun(['--endpoint', target.endpoint, '--region', 'us-east-1', '--out', join(work, 'sigint-remote'), '--runs', '25']);
      expect(ran.sent).toBe(true);
      expect(ran.code ?? ran.signal).toBe(130);
      const pools = await sendToFake(target.endpoint, 'ListUserPools', { MaxResults: 60 });
      expect((pools.body as { UserPools: unknown[] }).UserPools).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it('never writes a ClientSecret to its output or reports, also when a rule about secrets fails', async () => {
    const leaky = await startFakeCognito({ faults: new Set(['secret-short', 'describe-secret-differs'] as const) });
    try {
      const out = join(work, 'secrets');
      const rules = 'output.client-secret.*,consistency.*,default.client-secret.absent,client-secret.*,oauth.client-credentials.*,propagate-user-context.needs-secret';
      const ran = await runCli(['--endpoint', leaky.endpoint, '--region', 'us-east-1', '--transport', 'sdk', '--rules', rules, '--runs', '5', '--out', out]);
      expect(ran.code).toBe(1);
      const r = report(out);
      expect(r.rules.find((x) => x.id === 'output.client-secret.format')?.status).toBe('failed');
      expect(r.rules.find((x) => x.id === 'consistency.describe-matches-create')?.status).toBe('failed');
      const secrets = leaky.secrets();
      expect(secrets.length).toBeGreaterThan(5);
      const texts = [ran.stdout, ran.stderr, ...readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8'))];
      for (const secret of secrets) for (const text of texts) expect(text.includes(secret), 'a ClientSecret leaked').toBe(false);
      expect(readFileSync(join(out, 'report.json'), 'utf8')).toContain('<redacted:');
    } finally {
      await leaky.close();
    }
  });

  it('flags planted faults under their rules, and only those', async () => {
    const out = join(work, 'faulty');
    const ran = await runCli(['--endpoint', faulty.endpoint, '--region', 'us-east-1', '--runs', '3', '--out', out]);
    expect(ran.code).toBe(1);
    const failed = report(out).rules.filter((x) => x.status !== 'passed').map((x) => x.id);
    expect(failed.sort()).toEqual(['default-redirect-uri.in-callback-urls', 'protocol.request-id']);
  });
});

describe('bad input to the tool', () => {
  it.each([
    [['--runs', 'abc'], /--runs must be a whole number/],
    [['--target', 'nope'], /nope/],
    [['--endpoint', 'not a url'], /not a url|URL/i],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['spec', '--nope'], /Unknown option/],
    [['--rules', 'no.such.rule*'], /matches no rule id/],
  ])('%j: one line, exit 2', async (args, message) => {
    const ran = await runCli(args);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toMatch(message);
    expect(ran.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unreachable target: one line, exit 2, within 10 seconds', async () => {
    const ran = await runCli(['--endpoint', 'http://127.0.0.1:1', '--region', 'us-east-1', '--out', join(work, 'unreachable')]);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toMatch(/E_TARGET_UNREACHABLE: .*127\.0\.0\.1:1/);
    expect(ran.ms).toBeLessThan(10_000);
  });
});
