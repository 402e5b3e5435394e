import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The package's own name (examples/embedding imports it as a user would) resolves to the
  // sources in the repo, as in tsconfig.json's paths: its exports point at the compiled dist/,
  // which exists only after `npm run build`.
  resolve: { alias: [{ find: /^cognito-conformance$/, replacement: fileURLToPath(new URL('./index.ts', import.meta.url)) }] },
  test: {
    include: ['contract/**/*.test.ts', 'generators/**/*.test.ts', 'targets/**/*.test.ts', 'oracles/**/*.test.ts', 'reports/**/*.test.ts', 'cli/**/*.test.ts', 'runner/**/*.test.ts', 'testing/**/*.test.ts', 'examples/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Three files at a time even on two cores: the end-to-end files spend most of their time
    // waiting (on child processes, emulators, and the AWS quota limiter at 5 requests per second),
    // so a third worker keeps the CPUs busy; vitest's default on 2 cores is one worker.
    maxWorkers: 3,
    // A worker keeps its module cache from one test file to the next instead of importing the
    // contract, the generators and the fakes afresh for each of ~200 files: on this 2-core machine
    // `vitest run` went from 160 s (CPU 4m47) to 113 s (CPU 3m04), inside the budget of npm test
    // (issue 16 measured it). The price is a rule for tests: what a test changes in the process
    // (process.env, mocks, spies, timers) it restores (vi.stubEnv/unstubAllEnvs, restoreAllMocks,
    // or saved values in afterEach), which every test here does.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
