import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCleanupRegistry } from '../pool/cleanupRegistry.js';
import { startEmbeddedCognitoLocal } from './embeddedCognitoLocal.js';
import { HarnessError } from '../harnessError.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startEmbeddedCognitoLocal', () => {
  it('starts on a loopback port in a temp dir, answers /health, and stop() removes every trace', async () => {
    const registry = createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });
    const emu = await startEmbeddedCognitoLocal({ registry });
    try {
      expect(emu.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(existsSync(emu.dataDir)).toBe(true);
      expect(registry.pending).toBe(1);
      const res = await fetch(new URL('/health', emu.endpoint));
      expect(await res.json()).toEqual({ ok: true });
      expect(emu.startMs).toBeGreaterThan(0);
    } finally {
      await emu.stop();
    }
    expect(alive(emu.pid)).toBe(false);
    expect(existsSync(emu.dataDir)).toBe(false);
    expect(registry.pending).toBe(0);
    await emu.stop();
  });

  it('a start that does not become ready is E_EMULATOR_START in one line, and leaves nothing behind', async () => {
    const registry = createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });
    const err = await startEmbeddedCognitoLocal({ registry, startTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HarnessError);
    expect((err as HarnessError).code).toBe('E_EMULATOR_START');
    expect((err as HarnessError).message).toMatch(/^cognito-local on http:\/\/127\.0\.0\.1:\d+\/ did not answer GET \/health within 1 ms/);
    expect((err as HarnessError).message).not.toContain('\n');
    expect(registry.pending).toBe(0);
  });
});
