import { defineConfig } from 'vitest/config';
import { ResultCollector } from '../reports/resultCollector.js';
import { RUN_DEFAULTS, envName } from '../runner/runSettings.js';

/**
 * The conformance suites as plain vitest, for `npx vitest run -c suites/vitest.config.ts
 * [--shard i/n]` (CI sharding; `cognito-conformance run` runs the same rules in-process, see
 * runner/runRules.ts). The target comes from CONFORMANCE_* environment variables (see
 * suites/globalSetup.ts); the reports go to CONFORMANCE_OUT.
 * (A config file is the one place a default export is required: vitest loads it that way.)
 */
export default defineConfig({
  test: {
    include: ['suites/*.suite.ts'],
    globalSetup: ['suites/globalSetup.ts'],
    // One suite file at a time: the target's concurrency limit applies within a file, and the
    // side-effect suite reads the pool's client list without other files creating clients.
    fileParallelism: false,
    maxWorkers: 1,
    // CONFORMANCE_RULES may leave a suite file without rules.
    passWithNoTests: true,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ['default', new ResultCollector({ outDir: process.env[envName('out')] || RUN_DEFAULTS.out })],
  },
});
