import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCountingProxy } from '../testing/countingProxy.js';
import { runBareLoop, workloadFrom } from './bareLoop.js';
import { BENCH_TARGETS, startBenchTarget, type BenchTargetKind } from './benchTarget.js';
import { runCli } from './runCli.js';

/**
 * What the suite costs beyond the target's own time. For each kind of target: two fresh ones; the
 * CLI's default run (seed, runs) at concurrency 8 through a counting proxy in front of the first;
 * then exactly the requests it sent — the same CreateUserPoolClient bodies, the Deletes, Lists
 * and Describes — from a bare keep-alive loop at the same concurrency to the second
 * (bench/bareLoop.ts). Prints both wall times and their ratio, requests by operation, case vs
 * shrink requests, time to first request and peak RSS of the CLI. Figures only.
 *
 * Usage: npm run -s bench:overhead [-- cognito-local|fake …]
 */
const CONCURRENCY = 8;

export interface OverheadFigures {
  kind: BenchTargetKind;
  suiteMs: number;
  /** First to last request the proxy saw. */
  suiteRequestsMs: number;
  firstRequestMs: number;
  bareMs: number;
  ratio: number;
  peakMiB: number;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** `CreateUserPoolClient` → `Create`, `ListUserPoolClients` → `List`. */
const short = (op: string) => op.replace(/UserPoolClients?$/, '');

export async function overhead(kind: BenchTargetKind, log: (line: string) => void = console.log): Promise<OverheadFigures> {
  const [a, b] = await Promise.all([startBenchTarget(kind), startBenchTarget(kind)]);
  const proxy = await startCountingProxy(a.endpoint);
  const out = mkdtempSync(join(tmpdir(), 'cc-overhead-'));
  try {
    const run = await runCli(['run', '--endpoint', proxy.endpoint, '--name', kind, '--concurrency', String(CONCURRENCY), '--no-baseline', '--out', out]);
    if (run.code !== 0 && run.code !== 1) throw new Error(`the suite exited ${run.code}: ${run.stderr.trim().split('\n').at(-1)}`);
    const requests = proxy.requests();
    const firstRequestMs = (requests[0]?.at ?? run.startedAt) - run.startedAt;
    const suiteRequestsMs = (requests.at(-1)?.at ?? run.startedAt) - (requests[0]?.at ?? run.startedAt);
    const counts = proxy.counts();
    const workload = workloadFrom(requests);
    const bare = await runBareLoop(b.endpoint, workload, CONCURRENCY);
    const ratio = run.wallMs / bare.wallMs;
    const ops = ['CreateUserPoolClient', 'DeleteUserPoolClient', 'ListUserPoolClients', 'DescribeUserPoolClient'];
    const other = Object.entries(counts).filter(([op]) => !ops.includes(op)).map(([op, n]) => `${op} ${n}`).join(', ');
    const t = run.totals;
    log(`${kind}: concurrency ${CONCURRENCY}, default seed and runs (exit ${run.code}; load average ${loadavg()[0].toFixed(2)} on this machine)`);
    log(`  suite   ${s(run.wallMs)} wall (first request at ${s(firstRequestMs)}, first to last request ${s(suiteRequestsMs)}), peak RSS of the CLI ${run.peakMiB.toFixed(0)} MiB`);
    log(`  bare    ${s(bare.wallMs)} wall for the same requests`);
    log(`  ratio   ${ratio.toFixed(2)}× (suite wall / bare wall); ${(suiteRequestsMs / bare.wallMs).toFixed(2)}× counting only first to last request`);
    log(`  suite sent   ${ops.map((op) => `${short(op)} ${counts[op] ?? 0}`).join(', ')}${other ? `; fixture ${other}` : ''}`);
    log(`  bare sent    ${ops.map((op) => `${short(op)} ${bare.counts[op] ?? 0}`).join(', ')}`);
    if (t) log(`  suite split  ${t.caseRequests} requests for ${t.cases} cases, ${t.shrinkRequests} for ${t.shrinkSteps} shrink steps`);
    const bytes = requests.reduce((n, r) => n + (r.body?.length ?? 0), 0);
    log(`  request bodies  ${(bytes / 1024 / 1024).toFixed(1)} MiB in all, the largest ${(Math.max(...requests.map((r) => r.body?.length ?? 0)) / 1024).toFixed(0)} KiB`);
    return { kind, suiteMs: run.wallMs, suiteRequestsMs, firstRequestMs, bareMs: bare.wallMs, ratio, peakMiB: run.peakMiB };
  } finally {
    rmSync(out, { recursive: true, force: true });
    await proxy.close();
    await Promise.all([a.stop(), b.stop()]);
  }
}

const isEntry = process.argv[1] !== undefined && /bench[\\/]overhead\.ts$/.test(process.argv[1]);
if (isEntry) {
  const kinds = process.argv.slice(2).filter((k): k is BenchTargetKind => (BENCH_TARGETS as readonly string[]).includes(k));
  for (const kind of kinds.length ? kinds : BENCH_TARGETS) await overhead(kind);
}
