import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// One real workbench at a time: scenarios run one after another in a single worker, with
// timeouts sized for a shared 2-core machine. Every wait inside a scenario is on a condition.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/scenarios/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/globalSetup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    // A real browser driving a real workbench can lose an input event now and then; one retry
    // keeps that from failing a run, and the failed attempt still leaves its screenshot and logs.
    retry: 1,
    reporters: ['verbose'],
  },
});
