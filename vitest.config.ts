import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/fast-check-seed.ts'],
    globalSetup: ['test/temporary-folder.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machine: the browser and HTTP-server suites must not starve each other.
    maxWorkers: 2,
  },
});
