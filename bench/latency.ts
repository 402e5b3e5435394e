import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchTarget } from './benchTarget.js';
import { CLI_BIN, runCli } from './runCli.js';

/**
 * How long a user waits for the short things: `--help` and `contract` (spec), time to the first
 * request of a run with the embedded cognito-local, and a printed replay command against a running
 * cognito-local, run exactly as printed (from the repository root), until it has printed its
 * verdict and exited. Medians of a few tries; figures only.
 *
 * Usage: npm run -s bench:latency [-- <tries>]
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** A rule cognito-local fails (it accepts a ClientName over 128 characters), so a replay has a verdict to print. */
const REPLAY_RULE = 'client-name.max-length';

export interface LatencyFigures {
  helpMs: number;
  specMs: number;
  firstRequestMs: number;
  oneRuleRunMs: number;
  replayMs: number;
  replayPrintedVerdict: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed(command: string, args: readonly string[], options: { shell?: boolean } = {}): Promise<{ ms: number; code: number | null; stdout: string }> {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], shell: options.shell ?? false, env: { ...process.env, CI: '1' } });
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { ms: performance.now() - t0, code, stdout };
}

/** The first exchange `run --record` wrote, in ms after `startedAtEpochMs`. */
function firstRecordedMs(dir: string, startedAtEpochMs: number): number {
  const times = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => Date.parse((JSON.parse(l) as { recordedAt: string }).recordedAt)));
  return Math.min(...times) - startedAtEpochMs;
}

export async function latency(tries = 3, log: (line: string) => void = console.log): Promise<LatencyFigures> {
  log(`latency (median of ${tries}; load average ${loadavg()[0].toFixed(2)} on this machine)`);
  const help: number[] = [];
  const spec: number[] = [];
  for (let i = 0; i < tries; i++) {
    help.push((await timed(process.execPath, [CLI_BIN, '--help'])).ms);
    spec.push((await timed(process.execPath, [CLI_BIN, 'spec'])).ms);
  }
  log(`  --help                 ${s(median(help))} (target ≤ 1 s)`);
  log(`  contract (spec)        ${s(median(spec))} (target ≤ 1 s)`);

  const first: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < tries; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'cc-latency-'));
    try {
      const epoch = Date.now();
      const run = await runCli(['run', '--rules', 'user-pool-id.required', '--runs', '1', '--out', join(dir, 'out'), '--record', join(dir, 'rec')]);
      if (run.code !== 0 && run.code !== 1) throw new Error(`run exited ${run.code}: ${run.stderr.trim().split('\n').at(-1)}`);
      first.push(firstRecordedMs(join(dir, 'rec'), epoch));
      whole.push(run.wallMs);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  log(`  first request          ${s(median(first))} after start, embedded cognito-local (target ≤ 1.5 s); the one-rule one-case run ${s(median(whole))} in all`);

  const target = await startBenchTarget('cognito-local');
  const dir = mkdtempSync(join(tmpdir(), 'cc-latency-'));
  try {
    const run = await runCli(['run', '--endpoint', target.endpoint, '--rules', REPLAY_RULE, '--out', dir]);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { rules: { id: string; replay?: string }[] };
    const printed = report.rules.find((r) => r.id === REPLAY_RULE)?.replay;
    if (run.code !== 1 || printed === undefined) throw new Error(`${REPLAY_RULE} did not fail on cognito-local: no replay command to time`);
    const command = `${printed} --out ${dir}`;
    const replays: number[] = [];
    let verdict = true;
    for (let i = 0; i < tries; i++) {
      const r = await timed(command, [], { shell: true });
      replays.push(r.ms);
      verdict &&= r.code === 1 && /\b1 failed\b/.test(r.stdout);
    }
    log(`  replay                 ${s(median(replays))} wall for the printed command against a running cognito-local, verdict printed: ${verdict ? 'yes' : 'NO'} (target ≤ 2 s)`);
    log(`                         ${printed.replace(/--replay-path \S+/, '--replay-path …')}`);
    return { helpMs: median(help), specMs: median(spec), firstRequestMs: median(first), oneRuleRunMs: median(whole), replayMs: median(replays), replayPrintedVerdict: verdict };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await target.stop();
  }
}

const isEntry = process.argv[1] !== undefined && /bench[\\/]latency\.ts$/.test(process.argv[1]);
if (isEntry) await latency(Number(process.argv[2] ?? 3));
