import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli.js';

/**
 * Cost as `--runs` grows: the README's main command (the whole contract against the embedded
 * cognito-local) at 25, 50, 100, 200 and 400 cases per rule — wall time, requests, and peak RSS of
 * the process tree (the CLI and the emulator). Wall and requests should grow with runs, memory
 * should not (the bar: within 10% from 25 to 400). Figures only.
 *
 * Usage: npm run -s bench:runs [-- 25 50 …]
 */
const DEFAULT_RUNS = [25, 50, 100, 200, 400];

export interface CurvePoint {
  runs: number;
  wallMs: number;
  requests: number;
  cases: number;
  peakMiB: number;
}

export async function runsCurve(runsList: readonly number[] = DEFAULT_RUNS, log: (line: string) => void = console.log): Promise<CurvePoint[]> {
  log(`runs curve: the whole contract against the embedded cognito-local (load average ${loadavg()[0].toFixed(2)} on this machine)`);
  log('   runs     wall   requests    cases  peak RSS (CLI + cognito-local)');
  const points: CurvePoint[] = [];
  for (const runs of runsList) {
    const out = mkdtempSync(join(tmpdir(), 'cc-runs-'));
    try {
      const run = await runCli(['run', '--runs', String(runs), '--out', out]);
      if (run.code !== 0 && run.code !== 1) throw new Error(`--runs ${runs} exited ${run.code}: ${run.stderr.trim().split('\n').at(-1)}`);
      const p: CurvePoint = { runs, wallMs: run.wallMs, requests: run.totals?.requests ?? NaN, cases: run.totals?.cases ?? NaN, peakMiB: run.peakMiB };
      points.push(p);
      log(`${String(runs).padStart(7)} ${(p.wallMs / 1000).toFixed(1).padStart(7)} s ${String(p.requests).padStart(10)} ${String(p.cases).padStart(8)}  ${p.peakMiB.toFixed(0)} MiB`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  const peaks = points.map((p) => p.peakMiB);
  const spread = (Math.max(...peaks) - Math.min(...peaks)) / Math.min(...peaks);
  const first = points[0];
  const last = points.at(-1);
  const change = first && last ? (last.peakMiB - first.peakMiB) / first.peakMiB : NaN;
  // Both, because one run's peak moves a few percent from one run to the next (when the
  // collector runs): the spread over five single runs includes that noise, the end-to-end change
  // shows growth.
  log(`  peak RSS from --runs ${first?.runs} to ${last?.runs}: ${change >= 0 ? '+' : ''}${(change * 100).toFixed(0)}%, spread over the curve ${(spread * 100).toFixed(0)}% (target: flat within 10%); highest ${Math.max(...peaks).toFixed(0)} MiB (target ≤ 300 MiB)`);
  return points;
}

const isEntry = process.argv[1] !== undefined && /bench[\\/]runsCurve\.ts$/.test(process.argv[1]);
if (isEntry) {
  const given = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  await runsCurve(given.length ? given : DEFAULT_RUNS);
}
