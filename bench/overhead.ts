import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCountingProxy } from '../testing/countingProxy.js';
import { runBareLoop, workloadFrom } from './bareLoop.js';
import { BENCH_TARGETS, startBenchTarget, type BenchTargetKind } from './benchTarget.js';
import { treeCpuMs } from './processTree.js';
import { runCli, type CliRun } from './runCli.js';

/**
 * What the suite costs beyond the target's own time. For each kind of target, three fresh ones:
 * 1. the CLI's run (default seed and runs, concurrency 8) through a counting proxy in front of the
 *    first: what it sends, by operation, and its wall time with the proxy in the way;
 * 2. exactly those requests — the same CreateUserPoolClient bodies, the Deletes, Lists and
 *    Describes — from a bare keep-alive loop at the same concurrency to the second
 *    (bench/bareLoop.ts): the target's own time;
 * 3. the same run again, straight to the third: the suite's wall time as a user has it. The proxy
 *    is a measuring device, and on a 2-core machine its own CPU (0.5–1.1 s a run, two more socket
 *    hops per request) comes out of the suite's share; the ratio is given both ways.
 * Also: case vs shrink requests, time to first request, peak RSS, and where the time goes — CPU
 * seconds of the CLI's whole process tree (exactly: what this process reaped of it), of the target
 * and of this process (proxy, or the bare loop's client) — with
 * the floor that CPU sets: (CLI + target CPU) / cores is the least wall time the straight run can
 * take on this machine, whatever the scheduling. While that floor is above 1.2× the bare wall, only
 * less CPU per case can reach the issue's ratio. Figures only.
 *
 * `BENCH_RUNS=N` runs the suite with `--runs N` (start-up and teardown then weigh less).
 *
 * Usage: npm run -s bench:overhead [-- cognito-local|fake …]
 */
const CONCURRENCY = 8;

export interface OverheadFigures {
  kind: BenchTargetKind;
  /** The straight run (no proxy). */
  suiteMs: number;
  /** The run through the counting proxy. */
  proxiedMs: number;
  /** First to last request the proxy saw. */
  suiteRequestsMs: number;
  firstRequestMs: number;
  bareMs: number;
  /** suiteMs / bareMs. */
  ratio: number;
  /** proxiedMs / bareMs. */
  proxiedRatio: number;
  peakMiB: number;
  /** CPU ms: the straight run's CLI tree and target; the proxied run's proxy; the bare loop's target and client. */
  cpu: { suite: number; suiteTarget: number; proxy: number; bareTarget: number; bareClient: number };
  /** (suite + suiteTarget CPU) / cores: the least wall time the straight run can take here. */
  floorMs: number;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cpuOf = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
/** `CreateUserPoolClient` → `Create`, `ListUserPoolClients` → `List`. */
const short = (op: string) => op.replace(/UserPoolClients?$/, '');

async function suiteRun(endpoint: string, kind: BenchTargetKind): Promise<CliRun> {
  const out = mkdtempSync(join(tmpdir(), 'cc-overhead-'));
  try {
    const runs = process.env.BENCH_RUNS ? ['--runs', process.env.BENCH_RUNS] : [];
    const run = await runCli(['run', '--endpoint', endpoint, '--name', kind, '--concurrency', String(CONCURRENCY), '--no-baseline', '--out', out, ...runs]);
    if (run.code !== 0 && run.code !== 1) throw new Error(`the suite exited ${run.code}: ${run.stderr.trim().split('\n').at(-1)}`);
    return run;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function overhead(kind: BenchTargetKind, log: (line: string) => void = console.log): Promise<OverheadFigures> {
  const [a, b, c] = await Promise.all([startBenchTarget(kind), startBenchTarget(kind), startBenchTarget(kind)]);
  const proxy = await startCountingProxy(a.endpoint);
  try {
    const own0 = process.cpuUsage();
    const proxied = await suiteRun(proxy.endpoint, kind);
    const proxyCpu = cpuOf(process.cpuUsage(own0));
    const requests = proxy.requests();
    const firstRequestMs = (requests[0]?.at ?? proxied.startedAt) - proxied.startedAt;
    const suiteRequestsMs = (requests.at(-1)?.at ?? proxied.startedAt) - (requests[0]?.at ?? proxied.startedAt);
    const counts = proxy.counts();
    const workload = workloadFrom(requests);

    const [b0, own1] = [treeCpuMs(b.pid), process.cpuUsage()];
    const bare = await runBareLoop(b.endpoint, workload, CONCURRENCY);
    const [bareTarget, bareClient] = [treeCpuMs(b.pid) - b0, cpuOf(process.cpuUsage(own1))];

    const c0 = treeCpuMs(c.pid);
    const straight = await suiteRun(c.endpoint, kind);
    const suiteTarget = treeCpuMs(c.pid) - c0;

    const cpu = { suite: straight.cpuMs, suiteTarget, proxy: proxyCpu, bareTarget, bareClient };
    const cores = availableParallelism();
    const floorMs = (cpu.suite + cpu.suiteTarget) / cores;
    const ratio = straight.wallMs / bare.wallMs;
    const proxiedRatio = proxied.wallMs / bare.wallMs;
    const ops = ['CreateUserPoolClient', 'DeleteUserPoolClient', 'ListUserPoolClients', 'DescribeUserPoolClient'];
    const other = Object.entries(counts).filter(([op]) => !ops.includes(op)).map(([op, n]) => `${op} ${n}`).join(', ');
    const t = proxied.totals;
    const sentAgain = straight.totals?.requests;
    log(`${kind}: concurrency ${CONCURRENCY}, default seed, ${process.env.BENCH_RUNS ? `--runs ${process.env.BENCH_RUNS}` : 'default runs'} (exit ${straight.code}; load average ${loadavg()[0].toFixed(2)}, ${cores} cores)`);
    log(`  suite   ${s(straight.wallMs)} wall straight to the target, peak RSS of the CLI ${straight.peakMiB.toFixed(0)} MiB${sentAgain === undefined || t === undefined ? '' : `; ${sentAgain} requests (${t.requests} through the proxy)`}`);
    log(`          ${s(proxied.wallMs)} wall through the counting proxy (first request at ${s(firstRequestMs)}, first to last request ${s(suiteRequestsMs)})`);
    log(`  bare    ${s(bare.wallMs)} wall for the same requests`);
    log(`  ratio   ${ratio.toFixed(2)}× straight (suite wall / bare wall); ${proxiedRatio.toFixed(2)}× through the proxy, ${(suiteRequestsMs / bare.wallMs).toFixed(2)}× counting only its first to last request`);
    log(`  CPU     suite: CLI ${s(cpu.suite)}, target ${s(cpu.suiteTarget)} (the proxy, in this process, took ${s(cpu.proxy)} more when in the way); bare: target ${s(cpu.bareTarget)}, client ${s(cpu.bareClient)}`);
    log(`  floor   the suite's CLI and target CPU on ${cores} cores need ${s(floorMs)} wall at least: ${(floorMs / bare.wallMs).toFixed(2)}× the bare wall, whatever the scheduling`);
    log(`  suite sent   ${ops.map((op) => `${short(op)} ${counts[op] ?? 0}`).join(', ')}${other ? `; fixture ${other}` : ''}`);
    log(`  bare sent    ${ops.map((op) => `${short(op)} ${bare.counts[op] ?? 0}`).join(', ')}`);
    if (t) log(`  suite split  ${t.caseRequests} requests for ${t.cases} cases, ${t.shrinkRequests} for ${t.shrinkSteps} shrink steps`);
    const bytes = requests.reduce((n, r) => n + (r.body?.length ?? 0), 0);
    log(`  request bodies  ${(bytes / 1024 / 1024).toFixed(1)} MiB in all, the largest ${(Math.max(...requests.map((r) => r.body?.length ?? 0)) / 1024).toFixed(0)} KiB`);
    return {
      kind, suiteMs: straight.wallMs, proxiedMs: proxied.wallMs, suiteRequestsMs, firstRequestMs, bareMs: bare.wallMs,
      ratio, proxiedRatio, peakMiB: straight.peakMiB, cpu, floorMs,
    };
  } finally {
    await proxy.close();
    await Promise.all([a.stop(), b.stop(), c.stop()]);
  }
}

const isEntry = process.argv[1] !== undefined && /bench[\\/]overhead\.ts$/.test(process.argv[1]);
if (isEntry) {
  const kinds = process.argv.slice(2).filter((k): k is BenchTargetKind => (BENCH_TARGETS as readonly string[]).includes(k));
  for (const kind of kinds.length ? kinds : BENCH_TARGETS) await overhead(kind);
}
