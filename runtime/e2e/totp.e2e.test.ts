import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAs } from './signInAs.js';
import { useBrowserRuntime } from './useBrowserRuntime.js';

describe('a one-time code for the demo admin in a browser', () => {
  const fixture = useBrowserRuntime();

  const whoAmI = async (page: Page) =>
    ((await page.evaluate(async () => (await fetch('/auth/me')).json())) as { user: { username: string } }).user;

  it('should make the admin enrol at first sign-in, then ask for a code at the next', async () => {
    // given the demo admin signing in for the first time, in Greek
    const first = await fixture.browser.newContext({ locale: 'el-GR' });
    const page = await first.newPage();
    await page.goto(`${fixture.runtime.baseUrl}/auth/login`);
    await page.getByLabel('Όνομα χρήστη').fill('n.papadopoulos');
    await page.getByLabel('Κωδικός πρόσβασης').fill('demo-admin');
    await page.keyboard.press('Enter');

    // then, after the password, the enrolment page shows the key and an accessible code field
    await page.getByRole('heading', { name: 'Ενεργοποίηση κωδικού μίας χρήσης' }).waitFor();
    expect(await page.textContent('#totp-secret')).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    expect(await page.getAttribute('#totp-uri', 'href')).toMatch(/^otpauth:\/\/totp\/Polis:n\.papadopoulos\?/);
    const field = page.getByLabel('Κωδικός 6 ψηφίων');
    expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await field.getAttribute('inputmode')).toBe('numeric');
    await page.screenshot({ path: 'test-results/totp-enrol.png', fullPage: true });

    // when the sign-in helper goes through it, reading the key from the page
    const enrolled = await signInAs(page, fixture.runtime.baseUrl, 'n.papadopoulos', 'demo-admin');
    expect(enrolled.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await whoAmI(page)).toMatchObject({ username: 'n.papadopoulos' });
    await first.close();

    // then a new browser is asked for a code, and gets in with one
    const second = await fixture.browser.newContext({ locale: 'en-GB' });
    const again = await second.newPage();
    await again.goto(`${fixture.runtime.baseUrl}/auth/login`);
    await again.getByLabel('Username').fill('n.papadopoulos');
    await again.getByLabel('Password').fill('demo-admin');
    await again.keyboard.press('Enter');
    await again.getByRole('heading', { name: 'One-time code' }).waitFor();
    await again.screenshot({ path: 'test-results/totp-code.png', fullPage: true });
    const signedIn = await signInAs(again, fixture.runtime.baseUrl, 'n.papadopoulos', 'demo-admin', {
      totpSecret: enrolled.totpSecret!,
    });
    expect(signedIn.totpSecret).toBe(enrolled.totpSecret);
    expect(await whoAmI(again)).toMatchObject({ username: 'n.papadopoulos' });
    await second.close();
  });
});
