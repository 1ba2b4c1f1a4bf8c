import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Browser tests: Debian's Chromium driven by playwright-core against a runtime started by each test file.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ['{runtime,designer}/e2e/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
