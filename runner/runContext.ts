import type { PoolContext } from '../contract/poolContext.js';
import type { FixtureCapabilities } from '../targets/fixtureCapabilities.js';
import type { RunInfo } from '../reports/resultCollector.js';

/**
 * What the run's global setup hands to every suite file (vitest `provide`/`inject`). It holds no
 * secret: workers build their own credentials from the standard chain.
 */
export interface TargetSettings {
  name: string;
  kind: 'aws' | 'emulator';
  endpoint: string;
  region: string;
  transport: 'http' | 'sdk';
  /** Sign with the SDKs' standard credential chain (aws) or with local/dummy keys (emulators). */
  credentials: 'default-chain' | 'local';
  profile?: string;
  concurrency: number;
  requestsPerSecond?: number;
}

export interface RunContext {
  runId: string;
  seed: number;
  runs: number;
  target: TargetSettings;
  pool: PoolContext;
  /** What the pool fixture could create; rules needing the rest are skipped with the reason. */
  capabilities: FixtureCapabilities;
  startedAt: string;
  /** The flags that select the target, for replay commands. */
  targetFlags: string;
  replayPath?: string;
  /** `--rules` patterns. */
  rules?: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    conformance: RunContext;
    /** Run facts for the report (runner/globalSetup.ts provides it; the CLI passes them directly). */
    conformanceReport: RunInfo;
  }
}
