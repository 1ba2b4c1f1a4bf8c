import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@polis/engine/testing': here('./engine/src/testing.ts'),
      '@polis/engine': here('./engine/src/index.ts'),
      '@polis/runtime': here('./runtime/src/index.ts'),
      '@polis/designer': here('./designer/src/index.ts'),
    },
  },
  test: {
    include: ['{engine,runtime,designer}/{src,test}/**/*.test.ts', 'runtime/web/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Each PGlite instance takes ~0.9 GB: two workers on this 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
