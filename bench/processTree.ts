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

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces): state is field 3. */
function statFields(pid: number | 'self'): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * User plus system CPU time of one process so far, in ms (utime and stime); undefined once it is
 * gone. Not its reaped children's: see reapedChildrenCpuMs.
 */
export function cpuMs(pid: number): number | undefined {
  const f = statFields(pid);
  return f === undefined ? undefined : (Number(f[11]) + Number(f[12])) * TICK_MS;
}

/**
 * CPU time, in ms, of this process's children that have ended and been waited for, and of their
 * own waited-for descendants (cutime and cstime). Read before a child starts and after it has
 * closed, the difference is exactly what the child's whole tree spent, however short-lived its
 * members (an embedded emulator the CLI stopped and reaped included) — which sampling cannot give.
 */
export function reapedChildrenCpuMs(): number {
  const f = statFields('self') as string[];
  return (Number(f[13]) + Number(f[14])) * TICK_MS;
}

/** CPU time of a process tree so far (cpuMs of each living member), in ms. */
export function treeCpuMs(root: number): number {
  return treePids(root).reduce((sum, pid) => sum + (cpuMs(pid) ?? 0), 0);
}

export function treeRssKiB(root: number): number {
  return treePids(root).reduce((sum, pid) => sum + rssKiB(pid), 0);
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
