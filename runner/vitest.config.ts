import { defineConfig } from 'vitest/config';
import { ResultCollector } from '../reports/resultCollector.js';

/**
 * The conformance suites as plain vitest, for `npx vitest run -c runner/vitest.config.ts
 * [--shard i/n]`; `cognito-conformance run` uses the same file and replaces the reporters.
 * The target comes from CONFORMANCE_* environment variables (see runner/globalSetup.ts).
 * (A config file is the one place a default export is required: vitest loads it that way.)
 */
export default defineConfig({
  test: {
    include: ['runner/*.suite.ts'],
    globalSetup: ['runner/globalSetup.ts'],
    // One suite file at a time: the target's concurrency limit applies within a file, and the
    // side-effect suite reads the pool's client list without other files creating clients.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ['default', new ResultCollector({ outDir: process.env.CONFORMANCE_OUT ?? 'reports/latest' })],
  },
});
