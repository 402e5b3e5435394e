import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['contract/**/*.test.ts', 'generators/**/*.test.ts', 'targets/**/*.test.ts', 'oracles/**/*.test.ts', 'reports/**/*.test.ts', 'cli/**/*.test.ts', 'runner/**/*.test.ts', 'testing/**/*.test.ts', 'examples/**/*.test.ts', 'bench/**/*.test.ts'],
    // Three files at a time even on two cores: the end-to-end files spend most of their time
    // waiting (on child processes, emulators, and the AWS quota limiter at 5 requests per second),
    // so a third worker keeps the CPUs busy; vitest's default on 2 cores is one worker.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
