import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startTestRuntime } from './startTestRuntime.js';

/** What a browser test drives: a whole runtime on a free port, and a headless Chromium. */
export interface BrowserRuntime {
  readonly runtime: Awaited<ReturnType<typeof startTestRuntime>>;
  readonly browser: Browser;
}

/**
 * Test helper: starts the runtime (its own data directory, or DATABASE_URL's PostgreSQL) and Chromium before the
 * calling file's tests, stops both after them, and makes sure test-results/ exists for screenshots.
 */
export function useBrowserRuntime(): BrowserRuntime {
  const state = {} as { runtime: BrowserRuntime['runtime']; browser: Browser };
  beforeAll(async () => {
    state.runtime = await startTestRuntime();
    state.browser = await launchBrowser();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.runtime?.stop();
  });
  return {
    get runtime() {
      return state.runtime;
    },
    get browser() {
      return state.browser;
    },
  };
}
