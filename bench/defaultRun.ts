import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli.js';

/**
 * Times the README's main command (the whole contract against the embedded cognito-local) and
 * samples the memory of its process tree (the CLI and cognito-local). Prints figures; asserts
 * nothing. Usage: npm run -s bench:default [-- <repeats> [extra run flags…]]
 */
export interface DefaultRunFigures {
  wallMs: number;
  peakMiB: number;
  requests: number;
}

export async function defaultRun(repeats = 1, extra: readonly string[] = [], log: (line: string) => void = console.log): Promise<DefaultRunFigures[]> {
  const figures: DefaultRunFigures[] = [];
  for (let i = 0; i < repeats; i++) {
    const out = mkdtempSync(join(tmpdir(), 'cc-bench-'));
    try {
      const run = await runCli(['run', '--out', out, ...extra]);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { rules: unknown[]; totals: Record<string, number> };
      const t = report.totals;
      const e = run.totals;
      const secs = run.wallMs / 1000;
      log(
        `default run ${i + 1}: exit ${run.code}, ${secs.toFixed(1)} s wall, ${report.rules.length} rules (${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped, ${t.error} errors), ` +
          (e ? `${e.requests} requests (${e.caseRequests} for ${e.cases} cases, ${e.shrinkRequests} for ${e.shrinkSteps} shrink steps; ${(e.requests / secs).toFixed(0)} requests/s), ` : '') +
          `peak RSS of the process tree ${run.peakMiB.toFixed(0)} MiB (target ≤ 300 MiB; load average ${loadavg()[0].toFixed(2)})`,
      );
      figures.push({ wallMs: run.wallMs, peakMiB: run.peakMiB, requests: e?.requests ?? NaN });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return figures;
}

const isEntry = process.argv[1] !== undefined && /bench[\\/]defaultRun\.ts$/.test(process.argv[1]);
if (isEntry) await defaultRun(Number(process.argv[2] ?? 1), process.argv.slice(3));
