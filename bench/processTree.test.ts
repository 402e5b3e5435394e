import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cpuMs, reapedChildrenCpuMs, samplePeakRss, treeCpuMs, treeRssKiB } from './processTree.js';

// The benches' CPU and memory accounting reads /proc: it must count what a process tree really
// spent, children included, and say nothing for a process that is gone.

/** A child that spends 300 ms of CPU (not of wall time: the machine may be busy), says so, then idles 300 ms. */
function busyChild() {
  const busy = 'while (process.cpuUsage().user < 300_000); console.log("done"); setTimeout(() => {}, 300)';
  return spawn(process.execPath, ['-e', busy], { stdio: ['ignore', 'pipe', 'inherit'] });
}

describe('processTree', () => {
  it('counts the CPU a process spends', () => {
    const before = cpuMs(process.pid) as number;
    const start = process.cpuUsage();
    while (process.cpuUsage(start).user < 100_000) Math.sqrt(Math.random());
    expect((cpuMs(process.pid) as number) - before).toBeGreaterThanOrEqual(80);
  });

  it('says nothing for a process that is gone', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    await once(child, 'exit');
    expect(cpuMs(child.pid as number)).toBeUndefined();
  });

  it('counts a living child in its parent tree, and an ended one in what this process reaped', async () => {
    const reaped = reapedChildrenCpuMs();
    const sampler = samplePeakRss(process.pid, 20);
    const child = busyChild();
    await once(child.stdout, 'data');
    expect(treeRssKiB(process.pid)).toBeGreaterThan(treeRssKiB(child.pid as number));
    expect(treeCpuMs(process.pid) - (cpuMs(process.pid) as number)).toBeGreaterThanOrEqual(250);
    await once(child, 'close');
    expect(reapedChildrenCpuMs() - reaped).toBeGreaterThanOrEqual(250);
    expect(sampler.stop()).toBeGreaterThan(10);
  });
});
