import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startEmbeddedCognitoLocal } from '../targets/emulator/embeddedCognitoLocal.js';

/** The kinds of target the benches start: the emulator the README's main job runs, and the fake. */
export const BENCH_TARGETS = ['cognito-local', 'fake'] as const;
export type BenchTargetKind = (typeof BENCH_TARGETS)[number];

/** A fresh target in a process of its own. */
export interface BenchTarget {
  kind: BenchTargetKind;
  /** `http://127.0.0.1:<port>/` */
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

const serveFake = fileURLToPath(new URL('./serveFake.ts', import.meta.url));

export async function startBenchTarget(kind: BenchTargetKind): Promise<BenchTarget> {
  if (kind === 'cognito-local') {
    const emulator = await startEmbeddedCognitoLocal();
    return { kind, endpoint: emulator.endpoint, pid: emulator.pid, stop: () => emulator.stop() };
  }
  const child = spawn(process.execPath, ['--import', 'tsx', serveFake], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await once(lines, 'line')) as [string];
  lines.close();
  const { endpoint } = JSON.parse(first) as { endpoint: string };
  return {
    kind,
    endpoint,
    pid: child.pid as number,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
    },
  };
}
