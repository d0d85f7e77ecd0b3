import { defineConfig } from 'vitest/config';

// Two cores: test files run in two forks; PGlite instances are heavy, so no more than that. Timeouts
// are generous because CLI tests spawn processes that open a real database; speed is for benchmarks.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 240_000,
    hookTimeout: 240_000,
    globalSetup: ['test/globalSetup.ts'],
  },
});
