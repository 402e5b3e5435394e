import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['spec/**/*.test.ts', 'generators/**/*.test.ts', 'targets/**/*.test.ts', 'oracles/**/*.test.ts', 'reports/**/*.test.ts', 'cli/**/*.test.ts', 'suites/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
