import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultName } from '../testing/fakeFaults.js';
import { startFakeCognito, type FakeCognito } from '../testing/fakeCognito.js';
import { MIN_SCRUBBED_FRAGMENT } from '../targets/recording/scrubSecrets.js';

/**
 * Secrets never leave a run: the CLI, in its own process, runs against the fake Cognito with known
 * AWS credentials (access key, secret key, session token) in its environment and with faults that
 * issue ClientSecrets on every create and make the secret rules fail, so that secrets flow into
 * failures, counterexamples and replay commands. Then every byte the run produced, stdout, stderr
 * and every file under its working directory, is searched for the credentials and for every
 * secret the fake issued, whole and in pieces.
 */
const bin = new URL('./bin.js', import.meta.url).pathname;
const CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIAREDACTIONE2ETEST',
  AWS_SECRET_ACCESS_KEY: 'redactionE2eSecretAccessKey/0123456789ABCDEFGH',
  AWS_SESSION_TOKEN: 'redactionE2eSessionToken//FwoGZXIvYXdzEJr0123456789abcdefghijklmnop==',
};
const FAULTS: FaultName[] = ['secret-without-generate', 'secret-short', 'describe-secret-differs'];
const RULES = 'output.client-secret.*,default.client-secret.absent,consistency.*,client-secret.*,oauth.client-credentials.needs-secret';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], cwd: string): Promise<Ran> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...CREDENTIALS, CI: '1' };
    for (const name of Object.keys(env)) if (name.startsWith('AWS_ENDPOINT_URL') || name === 'AWS_PROFILE') delete env[name];
    const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The value and pieces of it as long as the scrubbers' shortest: a quoted fragment is a leak too. */
function needles(secret: string): string[] {
  const n = Math.max(MIN_SCRUBBED_FRAGMENT, 12);
  return secret.length <= n ? [secret] : [secret, secret.slice(0, n), secret.slice(-n), secret.slice(Math.floor((secret.length - n) / 2), Math.floor((secret.length + n) / 2))];
}

describe('a run never writes a secret', () => {
  let fake: FakeCognito;
  const work = mkdtempSync(join(tmpdir(), 'cc-redaction-'));
  beforeAll(async () => {
    fake = await startFakeCognito({ faults: new Set(FAULTS) });
  });
  afterAll(async () => {
    await fake.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('keeps credentials and issued ClientSecrets out of stdout, stderr, reports and replay commands', async () => {
    const out = join(work, 'out');
    const recording = join(work, 'recording');
    const ran = await runCli(['run', '--endpoint', fake.endpoint, '--region', 'us-east-1', '--rules', RULES, '--runs', '5', '--out', out, '--no-baseline', '--record', recording], work);
    // The faults make the secret rules fail: the run judged them, with secrets in what it saw.
    expect(ran.code, ran.stderr).toBe(1);
    const issued = fake.secrets();
    expect(issued.length).toBeGreaterThan(10);
    const files = filesUnder(work);
    expect(files.map((f) => f.slice(out.length + 1)).sort()).toEqual(expect.arrayContaining(['junit.xml', 'report.json', 'scorecard.html', 'summary.md']));
    const report = readFileSync(join(out, 'report.json'), 'utf8');
    const failed = (JSON.parse(report) as { rules: { id: string; status: string }[] }).rules.filter((r) => r.status === 'failed').map((r) => r.id);
    expect(failed).toEqual(expect.arrayContaining(['output.client-secret.format', 'default.client-secret.absent', 'consistency.describe-matches-create']));
    expect(report).toMatch(/<redacted:\d+ chars/);
    // The recording is searched too: it holds every exchange, the secrets' masks in their place.
    const recorded = files.filter((f) => f.startsWith(recording) && f.endsWith('.jsonl'));
    expect(recorded).toHaveLength(1);
    expect(readFileSync(recorded[0] as string, 'utf8')).toMatch(/"ClientSecret":"<redacted:\d+ chars of [^"]+ #\d+>"/);

    const streams: [string, string][] = [['stdout', ran.stdout], ['stderr', ran.stderr], ...files.map((f) => [f, readFileSync(f, 'utf8')] as [string, string])];
    const secrets = [...Object.values(CREDENTIALS), ...issued];
    const leaks: string[] = [];
    for (const [where, text] of streams) {
      for (const secret of secrets) {
        for (const needle of needles(secret)) if (text.includes(needle)) leaks.push(`${where}: ${needle}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
