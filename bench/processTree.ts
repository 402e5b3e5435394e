import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory and CPU time of a process and everything it started (Linux /proc): the figures a CI
 * runner or a laptop pays, not one process's heap. Benches only.
 */

// USER_HZ: the unit of /proc/<pid>/stat's times. 100 on every Linux Node supports (x86-64, arm64).
const TICK_MS = 10;

function treePids(root: number): number[] {
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
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function rssKiB(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * User plus system CPU time of one process so far, in ms (/proc/<pid>/stat utime and stime);
 * undefined once it is gone. Not its reaped children's (cutime, cstime): a tree's sum counts each
 * member as last seen alive, and would count a child twice once its parent had reaped it.
 */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: state is field 3, utime field 14.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** CPU time of a process tree so far (cpuMs of each living member), in ms. */
export function treeCpuMs(root: number): number {
  return treePids(root).reduce((sum, pid) => sum + (cpuMs(pid) ?? 0), 0);
}

export function treeRssKiB(root: number): number {
  return treePids(root).reduce((sum, pid) => sum + rssKiB(pid), 0);
}

export interface TreeFigures {
  peakMiB: number;
  /** CPU time of every process of the tree, as last seen alive: up to one interval short of the truth. */
  cpuMs: number;
}

/** Samples the tree's RSS and CPU time every `intervalMs` until stop(). */
export function sampleProcessTree(root: number, intervalMs = 50): { stop(): TreeFigures } {
  let peak = 0;
  const cpu = new Map<number, number>();
  const sample = () => {
    let rss = 0;
    for (const pid of treePids(root)) {
      rss += rssKiB(pid);
      const ms = cpuMs(pid);
      if (ms !== undefined) cpu.set(pid, ms);
    }
    peak = Math.max(peak, rss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakMiB: peak / 1024, cpuMs: [...cpu.values()].reduce((a, b) => a + b, 0) };
    },
  };
}
