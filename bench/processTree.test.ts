import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cpuMs, sampleProcessTree, treeCpuMs, treeRssKiB } from './processTree.js';

// The benches' CPU and memory accounting reads /proc: it must count what a process tree really
// spent, children included, and say nothing for a process that is gone.
describe('processTree', () => {
  it('counts the CPU a process spends', () => {
    const before = cpuMs(process.pid) as number;
    // 100 ms of CPU by Node's own count (not of wall time: the machine may be busy).
    const start = process.cpuUsage();
    while (process.cpuUsage(start).user < 100_000) Math.sqrt(Math.random());
    expect((cpuMs(process.pid) as number) - before).toBeGreaterThanOrEqual(80);
  });

  it('says nothing for a process that is gone', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    await once(child, 'exit');
    expect(cpuMs(child.pid as number)).toBeUndefined();
  });

  it('counts a child in its parent tree, and a sampled process after it ended', async () => {
    // 300 ms of CPU (not of wall time: the machine may be busy), then says so and idles a while.
    const busy = 'while (process.cpuUsage().user < 300_000); console.log("done"); setTimeout(() => {}, 300)';
    const child = spawn(process.execPath, ['-e', busy], { stdio: ['ignore', 'pipe', 'inherit'] });
    const sampler = sampleProcessTree(child.pid as number, 20);
    await once(child.stdout, 'data');
    expect(treeRssKiB(process.pid)).toBeGreaterThan(treeRssKiB(child.pid as number));
    expect(treeCpuMs(process.pid) - (cpuMs(process.pid) as number)).toBeGreaterThanOrEqual(200);
    await once(child, 'exit');
    const figures = sampler.stop();
    expect(figures.peakMiB).toBeGreaterThan(10);
    // Its busy 300 ms, as last seen while it lived.
    expect(figures.cpuMs).toBeGreaterThanOrEqual(200);
  });
});
