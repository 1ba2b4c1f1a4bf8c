import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; tests never download a browser of their own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * Where a browser test saves a screenshot: test-results/screenshots/<name>.png to look at after a run, or, for the
 * documentation's own pictures, docs/screenshots/<name>.png when POLIS_DOCS_SCREENSHOTS=1 (so that an ordinary run
 * leaves the repository as it was).
 */
export function screenshotPath(name: string, use: 'test' | 'docs' = 'test'): string {
  const dir =
    use === 'docs' && process.env.POLIS_DOCS_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
  return `${dir}/${name}.png`;
}
