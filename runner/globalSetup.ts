import type { TestProject } from 'vitest/node';
import { processCleanupRegistry } from '../targets/cleanupRegistry.js';
import { prepareRun, type PreparedRun } from './prepareRun.js';
import { runSettingsFromEnv } from './runSettings.js';

/**
 * Global setup for plain `vitest run -c runner/vitest.config.ts` (sharded CI runs): prepares the
 * run from CONFORMANCE_* variables, read and defaulted by the same reader as the CLI's flags
 * (runner/runSettings.ts: CONFORMANCE_TARGET, _ENDPOINT, _REGION, _NAME, _TRANSPORT, _SEED,
 * _RUNS, _RULES, _CONCURRENCY, _OUT, _REPLAY_PATH), so a bad value fails here as it would there.
 */
let prepared: PreparedRun | undefined;

export async function setup(project: TestProject): Promise<void> {
  prepared = await prepareRun(runSettingsFromEnv(), processCleanupRegistry());
  project.provide('conformance', prepared.context);
  project.provide('conformanceReport', prepared.runInfo);
}

export async function teardown(): Promise<void> {
  await prepared?.close();
}
