import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../reports/runReport.js';

/**
 * Test support for the CLI's end-to-end tests (cli/runCommand.*.e2e.test.ts): the CLI in its own
 * process, as a user runs it, with real sockets on loopback.
 */
const bin = new URL('./bin.js', import.meta.url).pathname;

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The environment a run sees: CI set (plain progress lines), no endpoint inherited from the shell. */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', ...extra };
  delete env.AWS_ENDPOINT_URL;
  delete env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER;
  return env;
}

export function runCli(args: string[], options: { onStderr?: (text: string, child: ReturnType<typeof spawn>) => void; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
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
export async function interruptedRun(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<Ran & { sent: boolean }> {
  let sent = false;
  const ran = await runCli(args, {
    ...options,
    onStderr: (text, child) => {
      if (!sent && /\[\d+\/\d+\]/.test(text)) {
        sent = true;
        child.kill('SIGINT');
      }
    },
  });
  return { ...ran, sent };
}

/** `npx vitest run -c suites/vitest.config.ts ...args` in its own process: the plain-vitest path. */
export function runPlainVitest(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  const vitest = new URL('../node_modules/vitest/vitest.mjs', import.meta.url).pathname;
  const config = new URL('../suites/vitest.config.ts', import.meta.url).pathname;
  const root = new URL('..', import.meta.url).pathname;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', '-c', config, ...args], { cwd: root, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
}

/** A fresh working directory for one test file, removed by the returned function. */
export function workDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'cc-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function report(dir: string): RunReport {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
}

export function statusOf(r: RunReport, id: string): string | undefined {
  return r.rules.find((x) => x.id === id)?.status;
}

/**
 * A temporary directory of the run's own (its TMPDIR), where the embedded cognito-local keeps its
 * data: `leftovers()` lists what is still there, so a test sees that the run removed its emulator's
 * data, whatever other test files run at the same time.
 */
export function privateTmp(parent: string, name: string): { env: NodeJS.ProcessEnv; leftovers(): string[] } {
  const dir = join(parent, `tmp-${name}`);
  mkdirSync(dir, { recursive: true });
  return { env: { TMPDIR: dir }, leftovers: () => readdirSync(dir).filter((d) => d.startsWith('cognito-local-')) };
}
