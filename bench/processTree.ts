import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of a process and everything it started (Linux /proc): the figure a CI runner or a laptop
 * pays, not one process's heap. Benches only.
 */
export function treeRssKiB(root: number): number {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${d}/status`, 'utf8'))?.[1]);
      const siblings = children.get(ppid);
      if (siblings) siblings.push(Number(d));
      else children.set(ppid, [Number(d)]);
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

/** Samples the tree's RSS every `intervalMs` until stop(), which returns the peak in MiB. */
export function samplePeakRss(root: number, intervalMs = 100): { stop(): number } {
  let peak = treeRssKiB(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssKiB(root));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak / 1024;
    },
  };
}
