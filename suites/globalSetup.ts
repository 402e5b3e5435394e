import type { TestProject } from 'vitest/node';
import { processCleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import { HarnessError } from '../targets/harnessError.js';
import { prepareRun, type PreparedRun } from '../runner/prepareRun.js';
import type { RunContext } from '../runner/runContext.js';
import type { RunInfo } from '../reports/buildRunReport.js';
import { resolveRun } from '../runner/resolveRun.js';
import { envName, runSettingsFromEnv } from '../runner/runSettings.js';

/**
 * Global setup for plain `vitest run -c suites/vitest.config.ts` (sharded CI runs): prepares the
 * run from CONFORMANCE_* variables, read and defaulted by the same reader as the CLI's flags
 * (runner/runSettings.ts: CONFORMANCE_TARGET, _ENDPOINT, _REGION, _NAME, _TRANSPORT, _SEED,
 * _RUNS, _RULES, _CONCURRENCY, _OUT, _REPLAY_PATH, _POOL_RPS, _ACCOUNT_RPS, and
 * CONFORMANCE_AWS_ACCOUNTS), so a bad value fails here as it would there. The account guard runs
 * first, as in the CLI: against AWS nothing is started or created without an allowed account.
 *
 * Recording and budgets (CONFORMANCE_RECORD, _MAX_REQUESTS, _TIME_BUDGET) belong to
 * `cognito-conformance run`: here the cases run in a vitest worker that this setup cannot see
 * into, so they are refused rather than silently ignored. The quotas apply per process (the setup
 * for the fixture, the one worker for the cases, which never send at the same time: maxWorkers 1).
 */
// What this setup provides, typed for `inject` in the suite files (suites/defineRuleTests.ts). It is
// declared here, on the plain-vitest path, and not beside RunContext: the published build ships
// the library and the CLI, which never need vitest, so their declarations must not augment it.
declare module 'vitest' {
  interface ProvidedContext {
    conformance: RunContext;
    /** Run facts for the report (suites/globalSetup.ts provides it; the CLI passes them directly). */
    conformanceReport: RunInfo;
  }
}

let prepared: PreparedRun | undefined;

export async function setup(project: TestProject): Promise<void> {
  const settings = runSettingsFromEnv();
  const cliOnly = [
    ...(settings.record === undefined ? [] : [envName('record')]),
    ...(settings.budget?.maxRequests === undefined ? [] : [envName('maxRequests')]),
    ...(settings.budget?.timeBudgetMs === undefined ? [] : [envName('timeBudget')]),
  ];
  if (cliOnly.length) {
    throw new HarnessError('E_CONFIG', `${cliOnly.join(', ')}: plain vitest cannot record or keep a budget; use \`cognito-conformance run\` (--record, --max-requests, --time-budget)`);
  }
  // One pool: the suite files each run against `pool` (only the in-process runner spreads rules over pools).
  const resolved = await resolveRun(settings, { maxPools: 1 });
  prepared = await prepareRun(settings, processCleanupRegistry(), resolved);
  project.provide('conformance', prepared.context);
  project.provide('conformanceReport', prepared.runInfo);
}

export async function teardown(): Promise<void> {
  await prepared?.close();
}
