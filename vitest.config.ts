import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['contract/**/*.test.ts', 'generators/**/*.test.ts', 'targets/**/*.test.ts', 'oracles/**/*.test.ts', 'reports/**/*.test.ts', 'cli/**/*.test.ts', 'runner/**/*.test.ts', 'testing/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
