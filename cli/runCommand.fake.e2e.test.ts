import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { FAKE_FAULTS } from '../testing/fakeFaults.js';
import { FAILURES_IN_FULL } from '../reports/summaryText.js';
import { report, runCli, workDir } from './runCli.fixture.js';

/**
 * The CLI in its own process against another endpoint: the fake Cognito in this process, clean and
 * with planted faults, reached through --endpoint.
 */
const work = workDir();
afterAll(() => work.remove());

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

  it('passes every rule against a target that behaves as the contract says, and names it after its host:port', async () => {
    const out = join(work.dir, 'clean');
    const ran = await runCli(['--endpoint', clean.endpoint, '--region', 'us-east-1', '--runs', '3', '--out', out]);
    expect(ran.code, ran.stdout.slice(-3000)).toBe(0);
    const r = report(out);
    expect(r.rules.length).toBeGreaterThanOrEqual(100);
    expect(r.rules.filter((x) => x.status !== 'passed').map((x) => `${x.id}: ${x.status} ${x.reason ?? ''}`)).toEqual([]);
    // The fake sends no Server header: the run is named after the endpoint's host:port.
    expect(r.target.name).toBe(new URL(clean.endpoint).host);
  });

  it('runs the same cases through the SDK, recording its view and version; --name names the target', async () => {
    const out = join(work.dir, 'sdk');
    const ran = await runCli(['--endpoint', clean.endpoint, '--region', 'us-east-1', '--transport', 'sdk', '--name', 'my-emulator', '--rules', 'default.*,user-pool.exists,client-name.max-length', '--runs', '3', '--out', out]);
    expect(ran.code, ran.stdout.slice(-2000)).toBe(0);
    const r = report(out);
    expect(r.target.name).toBe('my-emulator');
    expect(r.target.transport).toBe('sdk');
    expect(r.target.sdkVersion).toMatch(/^3\.\d+\.\d+$/);
    const notFound = r.rules.find((x) => x.id === 'user-pool.exists');
    expect(notFound?.sdk).toMatchObject({ layer: 'server', status: 400, errorType: 'ResourceNotFoundException', sdkError: 'ResourceNotFoundException', sentAsBuilt: true });
    expect(r.rules.find((x) => x.id === 'default.auth-session-validity')?.sdk).toMatchObject({ layer: 'server', status: 200, output: { UserPoolClient: { AuthSessionValidity: 3 } } });
  });

  it('never writes a ClientSecret to its output or reports, also when a rule about secrets fails', async () => {
    const leaky = await startFakeCognito({ faults: new Set(['secret-short', 'describe-secret-differs'] as const) });
    try {
      const out = join(work.dir, 'secrets');
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
      // The replay command of a failure names the transport it ran through.
      expect(r.rules.find((x) => x.id === 'output.client-secret.format')?.replay).toContain('--transport sdk');
    } finally {
      await leaky.close();
    }
  });

  it('flags planted faults under their rules, and only those', async () => {
    const out = join(work.dir, 'faulty');
    const ran = await runCli(['--endpoint', faulty.endpoint, '--region', 'us-east-1', '--runs', '3', '--out', out]);
    expect(ran.code).toBe(1);
    const failed = report(out).rules.filter((x) => x.status !== 'passed').map((x) => x.id);
    expect(failed.sort()).toEqual(['default-redirect-uri.in-callback-urls', 'protocol.request-id']);
  });

  it('--verbose prints every failure in full, more than the summary shows by default', async () => {
    const noisy = await startFakeCognito({ faults: new Set(['empty-error-message', 'no-request-id', 'accept-invalid'] as const) });
    try {
      const out = join(work.dir, 'verbose');
      const rules = [...FAKE_FAULTS['empty-error-message'].flags, ...FAKE_FAULTS['no-request-id'].flags].join(',');
      const ran = await runCli(['--endpoint', noisy.endpoint, '--region', 'us-east-1', '--rules', rules, '--runs', '3', '--out', out, '--no-baseline', '--verbose']);
      expect(ran.code, ran.stderr).toBe(1);
      const failed = report(out).rules.filter((x) => x.status === 'failed');
      expect(failed.length).toBeGreaterThan(FAILURES_IN_FULL);
      // One `rule:` line per failure printed in full.
      expect(ran.stdout.match(/^ +rule: /gm)?.length).toBe(failed.length);
    } finally {
      await noisy.close();
    }
  });
});
