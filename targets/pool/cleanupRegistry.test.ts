import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCleanupRegistry } from './cleanupRegistry.js';

function harness(stepTimeoutMs = 1_000) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  const lines: string[] = [];
  const registry = createCleanupRegistry({ signals, exit: (c) => exits.push(c), log: (l) => lines.push(l), stepTimeoutMs });
  return { signals, exits, lines, registry };
}

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

describe('createCleanupRegistry', () => {
  it('runAll runs each cleanup once, newest first, and collects failures', async () => {
    const { registry } = harness();
    const order: string[] = [];
    registry.register('emulator', () => void order.push('emulator'));
    registry.register('pool', async () => {
      order.push('pool');
      throw new Error('DeleteUserPool failed\nsecond line');
    });
    expect(registry.pending).toBe(2);
    expect(await registry.runAll()).toEqual([{ name: 'pool', message: 'DeleteUserPool failed' }]);
    expect(order).toEqual(['pool', 'emulator']);
    expect(await registry.runAll()).toEqual([]);
    expect(order).toHaveLength(2);
  });

  it('a handle runs once and is then forgotten; unregister forgets without running', async () => {
    const { registry } = harness();
    let runs = 0;
    const h = registry.register('x', () => void runs++);
    await Promise.all([h.run(), h.run()]);
    expect(runs).toBe(1);
    const other = registry.register('y', () => void runs++);
    other.unregister();
    await registry.runAll();
    expect(runs).toBe(1);
  });

  it('listens to signals only while something is pending', async () => {
    const { signals, registry } = harness();
    expect(signals.listenerCount('SIGINT')).toBe(0);
    const h = registry.register('x', () => undefined);
    registry.register('y', () => undefined);
    expect(signals.listenerCount('SIGINT')).toBe(1);
    expect(signals.listenerCount('SIGTERM')).toBe(1);
    await h.run();
    expect(signals.listenerCount('SIGINT')).toBe(1);
    await registry.runAll();
    expect(signals.listenerCount('SIGINT')).toBe(0);
  });

  it('SIGINT runs pending cleanups, waits for in-flight ones, then exits 130', async () => {
    const { signals, exits, lines, registry } = harness();
    const done: string[] = [];
    registry.register('a', async () => {
      await tick();
      done.push('a');
    });
    const inflight = registry.register('b', async () => {
      await tick(60);
      done.push('b');
    });
    void inflight.run();
    signals.emit('SIGINT');
    await tick(150);
    expect(done.sort()).toEqual(['a', 'b']);
    expect(exits).toEqual([130]);
    expect(lines[0]).toMatch(/^SIGINT: cleaning up/);
  });

  it('SIGTERM exits 143; a hung cleanup is abandoned after its timeout; a second signal exits at once', async () => {
    const { signals, exits, lines, registry } = harness(50);
    registry.register('hung', () => new Promise<void>(() => undefined));
    signals.emit('SIGTERM');
    signals.emit('SIGTERM');
    expect(exits).toEqual([143]);
    await tick(120);
    expect(exits).toEqual([143, 143]);
    expect(lines.some((l) => l.includes('did not finish within 50 ms'))).toBe(true);
  });

  it('a real SIGINT to a process runs its cleanup and ends it with 130', () => {
    const module = fileURLToPath(new URL('./cleanupRegistry.ts', import.meta.url));
    const script = `
      import { processCleanupRegistry } from ${JSON.stringify(module)};
      processCleanupRegistry().register('demo', async () => { await new Promise((r) => setTimeout(r, 20)); console.log('cleaned'); });
      setTimeout(() => process.kill(process.pid, 'SIGINT'), 10);
      setTimeout(() => console.log('not interrupted'), 5000);
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout.trim()).toBe('cleaned');
    expect(r.stderr).toContain('SIGINT: cleaning up 1 resource(s) before exit');
    expect(r.status).toBe(130);
  });
});
