import type { Page } from 'playwright-core';
import { totpCodeAt, totpStep } from '../src/identity/totp.js';

/** What signInAs learnt: the one-time code secret, when the account had one or had to enrol on the way. */
export interface SignedIn {
  readonly totpSecret?: string;
}

// Codes are single-use: a second sign-in within the same 30 s uses the next step's code (within the window).
const lastUsedSteps = new Map<string, number>();

function nextCode(secret: string): string {
  const used = lastUsedSteps.get(secret);
  const now = totpStep(new Date());
  const step = used !== undefined && used >= now ? used + 1 : now;
  lastUsedSteps.set(secret, step);
  return totpCodeAt(secret, step);
}

/** Waits until the browser has left the provider's pages, or fails with the error the page shows. */
async function leaveProvider(page: Page, username: string, errorSelector: string): Promise<void> {
  const left = page
    .waitForURL((url) => !url.pathname.startsWith('/oidc/') && !url.pathname.startsWith('/auth/'))
    .then(() => true);
  const refused = page
    .locator(errorSelector)
    .waitFor()
    .then(() => false);
  if (!(await Promise.race([left, refused])))
    throw new Error(
      `Expected ${username} to be signed in, but the page says: ${await page.textContent(errorSelector)}`,
    );
}

/**
 * Signs a user in through the embedded provider's pages in a browser, in Greek or English alike (fields by id):
 * the password first; then, for an admin without a one-time code, the enrolment page (the secret is read from
 * the page and returned), or for an enrolled account the code page (answered with `options.totpSecret`).
 * Resolves once the browser is back in the runtime.
 * @throws Error when the password or code is refused, or a code is asked for and no secret was given.
 */
export async function signInAs(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
  options: { totpSecret?: string } = {},
): Promise<SignedIn> {
  await page.goto(`${baseUrl}/auth/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#password').press('Enter');
  const codeField = page.locator('#totp-code');
  const secondFactor = codeField.waitFor().then(() => true);
  const done = leaveProvider(page, username, '#sign-in-error').then(() => false);
  if (!(await Promise.race([secondFactor, done]))) return {};

  const shown = page.locator('#totp-secret');
  const totpSecret = (await shown.count())
    ? ((await shown.textContent()) ?? '').replace(/\s/g, '')
    : options.totpSecret;
  if (!totpSecret)
    throw new Error(`Expected a TOTP secret for ${username}, but none was given and the code page asks for one.`);
  await codeField.fill(nextCode(totpSecret));
  await codeField.press('Enter');
  await leaveProvider(page, username, '#totp-error');
  return { totpSecret };
}
