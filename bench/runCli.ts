import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { reapedChildrenCpuMs, samplePeakRss } from './processTree.js';

/** One CLI invocation as a user runs it (`node cli/bin.js …`), measured from outside. */
export interface CliRun {
  code: number | null;
  /** performance.now() at spawn, to relate other clocks (a proxy's) to it. */
  startedAt: number;
  wallMs: number;
  /** Peak RSS of the CLI's process tree (an embedded cognito-local included), sampled every 100 ms. */
  peakMiB: number;
  /** CPU time, user and system, of the CLI's whole process tree (an embedded cognito-local included), exactly. */
  cpuMs: number;
  stdout: string;
  stderr: string;
  /** The progress reporter's totals line, when the run got that far. */
  totals?: RunTotals;
}

/** `Sent N requests in T s (R/s): A for C cases, B for S shrink steps` (reports/progressReporter.ts). */
export interface RunTotals {
  requests: number;
  caseRequests: number;
  cases: number;
  shrinkRequests: number;
  shrinkSteps: number;
}

export const CLI_BIN = fileURLToPath(new URL('../cli/bin.js', import.meta.url));

const TOTALS = /^Sent (\d+) requests? in [\d.]+ s \(\d+\/s\): (\d+) for (\d+) cases?, (\d+) for (\d+) shrink steps?$/m;

export function parseTotals(stderr: string): RunTotals | undefined {
  const m = TOTALS.exec(stderr);
  if (!m) return undefined;
  const [requests, caseRequests, cases, shrinkRequests, shrinkSteps] = m.slice(1).map(Number);
  return { requests, caseRequests, cases, shrinkRequests, shrinkSteps };
}

export async function runCli(args: readonly string[], options: { sampleMs?: number } = {}): Promise<CliRun> {
  const startedAt = performance.now();
  // Benches start no other child while the CLI runs (their targets live on), so every child reaped
  // meanwhile is the CLI or one of its own.
  const reaped0 = reapedChildrenCpuMs();
  // CI=1: plain progress lines, one per rule, and the totals line, on stderr.
  const child = spawn(process.execPath, [CLI_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
  const sampler = samplePeakRss(child.pid as number, options.sampleMs);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - startedAt;
  const peakMiB = sampler.stop();
  const cpuMs = reapedChildrenCpuMs() - reaped0;
  const totals = parseTotals(stderr);
  return { code, startedAt, wallMs, peakMiB, cpuMs, stdout, stderr, ...(totals ? { totals } : {}) };
}
