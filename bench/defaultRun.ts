import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Times the README's main command (the whole contract against the embedded cognito-local) and
 * samples the memory of its process tree (the CLI, vitest's workers, cognito-local). Prints
 * figures; asserts nothing. Usage: npm run -s bench [-- <repeats> [extra run flags…]]
 */
const bin = fileURLToPath(new URL('../cli/bin.js', import.meta.url));
const repeats = Number(process.argv[2] ?? 1);
const extra = process.argv.slice(3);

function treeRssKiB(root: number): number {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${d}/status`, 'utf8'))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    try {
      total += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

async function once(i: number): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'cc-bench-'));
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, '--out', out, ...extra], { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, CI: '1' } });
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssKiB(child.pid));
  }, 200);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { rules: { cases: number }[]; totals: Record<string, number> };
  const cases = report.rules.reduce((n, r) => n + r.cases, 0);
  const t = report.totals;
  console.log(
    `run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s wall, ${report.rules.length} rules (${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped, ${t.error} errors), ` +
      `${cases} cases (${(cases / seconds).toFixed(1)} cases/s, shrinking not counted), peak RSS of the process tree ${(peak / 1024).toFixed(0)} MiB`,
  );
  rmSync(out, { recursive: true, force: true });
}

for (let i = 0; i < repeats; i++) await once(i);
