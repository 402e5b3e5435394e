import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackEndpoint } from '../targets/aws/accountGuard.js';
import { freeLoopbackPort } from '../targets/emulator/freeLoopbackPort.js';
import type { RecordedExchange } from '../targets/recording/recordedExchange.js';
import { startCountingProxy, type CountingProxy } from '../testing/countingProxy.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { sendToFake } from '../testing/sendToFake.js';
import { startStsStub, STS_STUB_DEFAULT_ACCOUNT, type StsStub } from '../testing/stsStub.js';
import { startThrottlingCognito, type ThrottlingCognito } from '../testing/throttlingCognito.js';
import { report, workDir, type Ran } from './runCli.fixture.js';

/**
 * The AWS safeguards of `run`, end to end: the CLI in its own process as `--target aws`, with
 * every AWS endpoint it could reach pointed at loopback — Cognito at the fake (or the throttling
 * fake), STS at the STS stub, AWS_ENDPOINT_URL at a closed loopback port for anything else — no
 * shared config files and no instance metadata, so nothing can ever reach a real AWS endpoint.
 * The account guard refuses before anything is sent, `--plan` sends nothing to Cognito, a run
 * under AWS's quotas against a Cognito that throttles as AWS does has no false failure and no
 * duplicate create, and a budget leaves rules incomplete without failing the run.
 */
const bin = new URL('./bin.js', import.meta.url).pathname;
const work = workDir();
afterAll(() => work.remove());

const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'AKIASAFETYE2ETESTKEY', AWS_SECRET_ACCESS_KEY: 'safetyE2eSecretAccessKey/0123456789ABCDEFGH' };
const OTHER_ACCOUNT = '210987654321';
const RULES = 'default.*,output.*';

let sts: StsStub;
let deadPort: number;

/** The child's environment: nothing inherited from AWS_* of the shell, every endpoint on loopback. */
function awsEnv(cognito: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('AWS_') || name.startsWith('CONFORMANCE_')) delete env[name];
  Object.assign(env, CREDENTIALS, {
    CI: '1',
    AWS_ENDPOINT_URL: `http://127.0.0.1:${deadPort}`,
    AWS_ENDPOINT_URL_STS: sts.endpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito,
    AWS_CONFIG_FILE: join(work.dir, 'no-such-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(work.dir, 'no-such-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  }, extra);
  const endpoints = Object.entries(env).filter(([k]) => k.startsWith('AWS_ENDPOINT_URL'));
  for (const [k, v] of endpoints) expect(isLoopbackEndpoint(v ?? ''), `${k}=${v}`).toBe(true);
  return env;
}

function runAws(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'run', '--target', 'aws', '--region', 'us-east-1', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
}

/** `vitest run -c suites/vitest.config.ts` in its own process: the plain-vitest path, same environment. */
function plainVitest(env: NodeJS.ProcessEnv): Promise<Ran> {
  const vitest = new URL('../node_modules/vitest/vitest.mjs', import.meta.url).pathname;
  const config = new URL('../suites/vitest.config.ts', import.meta.url).pathname;
  const root = new URL('..', import.meta.url).pathname;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', '-c', config], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
}

async function poolsAt(endpoint: string): Promise<unknown[]> {
  return ((await sendToFake(endpoint, 'ListUserPools', { MaxResults: 60 })).body as { UserPools: unknown[] }).UserPools;
}

beforeAll(async () => {
  sts = await startStsStub();
  deadPort = await freeLoopbackPort();
});
afterAll(async () => {
  await sts.close();
});

describe('the account guard and --plan', () => {
  let fake: FakeCognito;
  let proxy: CountingProxy;
  beforeAll(async () => {
    fake = await startFakeCognito();
    proxy = await startCountingProxy(fake.endpoint);
  });
  afterAll(async () => {
    await proxy.close();
    await fake.close();
  });

  it('without an allowed account refuses at once in one line: no STS call, nothing sent to Cognito', async () => {
    const before = sts.calls().length;
    proxy.reset();
    const ran = await runAws(['--runs', '1', '--out', join(work.dir, 'no-account')], awsEnv(proxy.endpoint));
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^cognito-conformance: E_ACCOUNT_REQUIRED: refusing to create anything .* --account ID\[,ID\] or set CONFORMANCE_AWS_ACCOUNTS$/)]);
    expect(sts.calls().length).toBe(before);
    expect(proxy.counts()).toEqual({});
  });

  it('refuses, naming the account, when the credentials belong to another one: one STS call, nothing sent to Cognito', async () => {
    const before = sts.calls().length;
    proxy.reset();
    const ran = await runAws(['--account', OTHER_ACCOUNT, '--runs', '1', '--out', join(work.dir, 'other-account')], awsEnv(proxy.endpoint));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(new RegExp(`E_ACCOUNT_NOT_ALLOWED: the credentials belong to AWS account ${STS_STUB_DEFAULT_ACCOUNT} .*not an allowed account \\(${OTHER_ACCOUNT}\\)`));
    expect(sts.calls().slice(before).map((c) => [c.action, c.credential?.split('/')[0]])).toEqual([['GetCallerIdentity', CREDENTIALS.AWS_ACCESS_KEY_ID]]);
    expect(proxy.counts()).toEqual({});
    expect(await poolsAt(fake.endpoint)).toEqual([]);
  });

  it('--plan (account from CONFORMANCE_AWS_ACCOUNTS) prints the plan and sends nothing to Cognito', async () => {
    proxy.reset();
    const ran = await runAws(['--rules', RULES, '--runs', '5', '--plan'], awsEnv(proxy.endpoint, { CONFORMANCE_AWS_ACCOUNTS: STS_STUB_DEFAULT_ACCOUNT }));
    expect(ran.code, ran.stderr).toBe(0);
    expect(proxy.counts()).toEqual({});
    expect(await poolsAt(fake.endpoint)).toEqual([]);
    expect(ran.stdout).toMatch(/^Plan \(nothing has been sent yet\):/);
    expect(ran.stdout).toContain(`account   ${STS_STUB_DEFAULT_ACCOUNT} (arn:aws:sts::${STS_STUB_DEFAULT_ACCOUNT}:`);
    expect(ran.stdout).toMatch(/rules {5}23 selected: 23 to run/);
    expect(ran.stdout).toMatch(/CreateUserPoolClient\s+115\n/);
    expect(ran.stdout).toMatch(/creates {3}(\d+ × )?user pool cc-\d{8}t\d{6}-[0-9a-f]{4}-1[,;]/);
    expect(ran.stdout).toMatch(/quotas {4}5\/s per write operation and 5\/s per read operation in each pool; 15\/s per write category and 15\/s per read category in the account/);
    expect(ran.stdout).toMatch(/duration  about \d+s at these rates/);
  });

  it('--plan against a loopback emulator asks nothing of anyone', async () => {
    proxy.reset();
    const before = sts.calls().length;
    const env = awsEnv(proxy.endpoint);
    const started = Date.now();
    const ran = await new Promise<Ran>((resolve) => {
      const child = spawn(process.execPath, [bin, 'run', '--endpoint', proxy.endpoint, '--runs', '2', '--max-requests', '500', '--plan'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
    });
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('account   none: a loopback emulator');
    expect(ran.stdout).toContain('quotas    none (an emulator)');
    expect(ran.stdout).toContain('budget    at most 500 requests;');
    expect(proxy.counts()).toEqual({});
    expect(sts.calls().length).toBe(before);
  });

  it('with the allowed account runs, names the account in the report, heads it with the plan, and counts its traffic as a harness event', async () => {
    const out = join(work.dir, 'allowed');
    // --other-region: the region rule goes to the second region's endpoint, which the configured
    // AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER overrides as it does the first's (the fake, on loopback).
    const ran = await runAws(['--account', STS_STUB_DEFAULT_ACCOUNT, '--rules', 'default.refresh-token-validity,output.client-id.format,region.pool-scoped', '--other-region', 'eu-west-1', '--runs', '2', '--out', out], awsEnv(fake.endpoint));
    expect(ran.code, ran.stderr + ran.stdout.slice(-2000)).toBe(0);
    const r = report(out);
    expect(r.target).toMatchObject({ name: 'aws', account: STS_STUB_DEFAULT_ACCOUNT });
    expect(r.plan).toMatchObject({ account: { account: STS_STUB_DEFAULT_ACCOUNT }, cases: 6, quotas: { poolWritesPerSecond: 5, accountWritesPerSecond: 15 } });
    expect(r.rules.find((x) => x.id === 'region.pool-scoped')).toMatchObject({ status: 'passed', cases: 2 });
    // The names the plan promised are the names the run created.
    const prefix = r.plan?.runIdPrefix ?? '';
    expect(prefix).toMatch(/^cc-\d{8}t\d{6}-[0-9a-f]{4}$/);
    expect(r.plan?.resources[0]?.name).toBe(`${prefix}-1`);
    const throttling = r.harnessEvents?.find((e) => e.code === 'throttling');
    // 4 cases (create and delete each) and the fixture's 7 requests; nothing throttled here.
    expect(throttling?.counts).toMatchObject({ sent: 15, throttled: 0, retried: 0 });
    expect(ran.stdout).toContain('Plan (made before the first request):');
    expect(ran.stdout).toContain(`run id ${prefix}, account ${STS_STUB_DEFAULT_ACCOUNT}`);
    expect(ran.stdout).toMatch(/Harness event throttling \(not a verdict\): 15 requests sent \(quotas 5\/s per operation per pool, 15\/s per category per account\): 0 answered with throttling/);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('**Plan** (made before the first request):');
    expect(await poolsAt(fake.endpoint)).toEqual([]);
  });
});

describe('the account guard under plain vitest (suites/globalSetup.ts)', () => {
  let fake: FakeCognito;
  let proxy: CountingProxy;
  beforeAll(async () => {
    fake = await startFakeCognito();
    proxy = await startCountingProxy(fake.endpoint);
  });
  afterAll(async () => {
    await proxy.close();
    await fake.close();
  });

  it('refuses CONFORMANCE_TARGET=aws without CONFORMANCE_AWS_ACCOUNTS before anything is sent, and refuses CONFORMANCE_RECORD', async () => {
    proxy.reset();
    const before = sts.calls().length;
    const refused = await plainVitest(awsEnv(proxy.endpoint, { CONFORMANCE_TARGET: 'aws', CONFORMANCE_REGION: 'us-east-1', CONFORMANCE_OUT: join(work.dir, 'vitest-refused') }));
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('refusing to create anything');
    expect(proxy.counts()).toEqual({});
    expect(sts.calls().length).toBe(before);

    const recording = await plainVitest(awsEnv(proxy.endpoint, { CONFORMANCE_ENDPOINT: proxy.endpoint, CONFORMANCE_RECORD: join(work.dir, 'rec'), CONFORMANCE_OUT: join(work.dir, 'vitest-record') }));
    expect(recording.code).not.toBe(0);
    expect(recording.stdout + recording.stderr).toContain('CONFORMANCE_RECORD: plain vitest cannot record or keep a budget');
    expect(proxy.counts()).toEqual({});
  });

  it('with the allowed account runs, and its report names the account and opens with the plan', async () => {
    const out = join(work.dir, 'vitest-allowed');
    const ran = await plainVitest(awsEnv(fake.endpoint, {
      CONFORMANCE_TARGET: 'aws', CONFORMANCE_REGION: 'us-east-1', CONFORMANCE_AWS_ACCOUNTS: STS_STUB_DEFAULT_ACCOUNT,
      CONFORMANCE_RULES: 'default.refresh-token-validity', CONFORMANCE_RUNS: '2', CONFORMANCE_POOL_RPS: '50', CONFORMANCE_OUT: out,
    }));
    expect(ran.code, ran.stdout.slice(-2000) + ran.stderr.slice(-2000)).toBe(0);
    const r = report(out);
    expect(r.target.account).toBe(STS_STUB_DEFAULT_ACCOUNT);
    expect(r.plan).toMatchObject({ cases: 2, quotas: { poolWritesPerSecond: 50, accountWritesPerSecond: 15 } });
    expect(r.rules.map((x) => [x.id, x.status])).toEqual([['default.refresh-token-validity', 'passed']]);
    expect(await poolsAt(fake.endpoint)).toEqual([]);
  });
});

/**
 * The same run twice, side by side, each against its own throttling Cognito (AWS's limits: 5 per
 * second per operation in a pool, 15 per category in the account, with a second's burst; `--record`
 * keeps each run to one pool): once under the default
 * quotas, which keep it below the limits, and once with the limiter set a fifth above them, so
 * that the fake must throttle (over a run of about 45 s it is asked for more than its buckets hold)
 * and only the rate decreases and the retries keep throttling out of the verdicts.
 */
const SCENARIOS = [
  { name: 'under AWS\'s default quotas', flags: [] as string[], quotas: 'quotas 5/s per operation per pool, 15/s per category per account', throttles: false },
  { name: 'with the limiter a fifth above the real quota', flags: ['--pool-rps', '6', '--account-rps', '18'], quotas: 'quotas 6/s per operation per pool, 18/s per category per account', throttles: true },
].map((s) => ({ ...s, slug: s.name.replace(/\W+/g, '-') }));

describe('quotas: --rules \'default.*,output.*\' --runs 5 against a Cognito that throttles as AWS does', () => {
  const fakes = new Map<string, ThrottlingCognito>();
  const runs = new Map<string, Ran>();
  const outOf = (slug: string) => join(work.dir, `throttled-${slug}`);
  const recordingOf = (slug: string) => join(work.dir, `throttled-recording-${slug}`);
  beforeAll(async () => {
    await Promise.all(SCENARIOS.map(async ({ slug, flags }) => {
      const fake = await startThrottlingCognito();
      fakes.set(slug, fake);
      runs.set(slug, await runAws(['--account', STS_STUB_DEFAULT_ACCOUNT, '--rules', RULES, '--runs', '5', ...flags, '--out', outOf(slug), '--record', recordingOf(slug)], awsEnv(fake.endpoint)));
    }));
  }, 300_000);
  afterAll(async () => {
    await Promise.all([...fakes.values()].map((f) => f.close()));
  });

  it.each(SCENARIOS)('$name: no failure and no error, throttling never becomes a verdict', ({ slug }) => {
    const ran = runs.get(slug) as Ran;
    expect(ran.code, ran.stderr + ran.stdout.slice(-3000)).toBe(0);
    const r = report(outOf(slug));
    expect(r.rules).toHaveLength(23);
    expect(r.rules.filter((x) => x.status !== 'passed').map((x) => `${x.id}: ${x.status} ${x.reason ?? ''}`)).toEqual([]);
    expect(r.harnessErrors).toEqual([]);
  });

  it.each(SCENARIOS)('$name: no create sent twice, every create the fake executed is one the run saw answered once', ({ slug }) => {
    const dir = recordingOf(slug);
    const records = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RecordedExchange));
    const answeredCreates = records.filter((x) => x.operation === 'CreateUserPoolClient').length;
    expect(answeredCreates).toBe(115);
    expect(fakes.get(slug)?.stats().admitted.CreateUserPoolClient).toBe(answeredCreates);
    // No throttled answer reached the recording, hence no oracle.
    expect(records.filter((x) => (x.response.body as { __type?: string } | null)?.__type === 'TooManyRequestsException')).toEqual([]);
  });

  it.each(SCENARIOS)('$name: the traffic is a harness event with counts, in report.json and the summary', ({ slug, quotas, throttles }) => {
    const r = report(outOf(slug));
    const event = r.harnessEvents?.find((e) => e.code === 'throttling');
    const stats = (fakes.get(slug) as ThrottlingCognito).stats();
    const throttled = Object.values(stats.throttled).reduce((a, b) => a + b, 0);
    const admitted = Object.values(stats.admitted).reduce((a, b) => a + b, 0);
    // Every throttled answer was retried, and the limiter saw each one.
    expect(event?.counts).toMatchObject({ sent: admitted + throttled, throttled, retried: throttled });
    expect(throttled > 0).toBe(throttles);
    if (throttles) expect(event?.counts.rateDecreases).toBeGreaterThan(0);
    expect(event?.counts.waitedMs).toBeGreaterThan(0);
    expect((runs.get(slug) as Ran).stdout).toContain(`Harness event throttling (not a verdict): ${admitted + throttled} requests sent (${quotas}): ${throttled} answered with throttling`);
  });
});

describe('budget: --max-requests', () => {
  let fake: FakeCognito;
  beforeAll(async () => {
    fake = await startFakeCognito();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('stops starting cases when spent, cleans up, reports unfinished rules incomplete with the reason; exit 0, 2 with --strict', async () => {
    const out = join(work.dir, 'budget');
    const args = ['--account', STS_STUB_DEFAULT_ACCOUNT, '--rules', 'default.*', '--runs', '3', '--max-requests', '40', '--pool-rps', '200', '--account-rps', '200'];
    const ran = await runAws([...args, '--out', out], awsEnv(fake.endpoint));
    expect(ran.code, ran.stderr + ran.stdout.slice(-2000)).toBe(0);
    const r = report(out);
    const incomplete = r.rules.filter((x) => x.status === 'incomplete');
    expect(incomplete.length).toBeGreaterThan(0);
    expect(r.rules.filter((x) => x.status !== 'incomplete' && x.status !== 'passed')).toEqual([]);
    expect(r.budget).toMatchObject({ maxRequests: 40, reason: expect.stringMatching(/^request budget of 40 spent/) });
    expect(r.budget?.reservedRequests).toBeLessThanOrEqual(40);
    for (const x of incomplete) expect(x.reason).toContain('request budget of 40 spent');
    expect(r.harnessEvents?.find((e) => e.code === 'throttling')?.counts.sent).toBeLessThanOrEqual(40);
    expect(r.totals.incomplete).toBe(incomplete.length);
    expect(ran.stdout).toMatch(/^INCOMPLETE +default\./m);
    expect(ran.stdout).toMatch(/Incomplete \(\d+ rules did not get all their cases; .*they do not change the exit code without --strict\)/);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(/<property name="skip-reason" value="incomplete after \d+ cases: (not run: )?request budget of 40 spent/);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain(`### Incomplete rules (${incomplete.length})`);
    expect(readFileSync(join(out, 'scorecard.html'), 'utf8')).toContain('data-status="incomplete"');
    // Cleanup ran: the pool is gone.
    expect(await poolsAt(fake.endpoint)).toEqual([]);

    const strict = await runAws([...args, '--strict', '--out', join(work.dir, 'budget-strict')], awsEnv(fake.endpoint));
    expect(strict.code).toBe(2);
  });
});
