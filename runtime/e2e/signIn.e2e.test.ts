import { describe, expect, it } from 'vitest';
import { useBrowserRuntime } from './useBrowserRuntime.js';

describe('signing in through the embedded identity provider in a browser', () => {
  const fixture = useBrowserRuntime();

  it.each([
    ['a clerk', 'k.petrou', 'demo-clerk', 'clerk'],
    ['a citizen', 'c.papanikolaou', 'demo-citizen', 'citizen'],
  ])(
    'should sign in %s with the keyboard on the Greek login page and know who they are',
    async (_who, username, password, role) => {
      const context = await fixture.browser.newContext({ locale: 'el-GR' });
      const page = await context.newPage();
      // given the sign-in page, in Greek
      await page.goto(`${fixture.runtime.baseUrl}/auth/login?returnTo=/`);
      expect(await page.getAttribute('html', 'lang')).toBe('el');
      // when they type their demo credentials and press Enter
      await page.getByLabel('Όνομα χρήστη').fill(username);
      await page.getByLabel('Κωδικός πρόσβασης').fill(password);
      await page.screenshot({ path: `test-results/sign-in-${role}.png` });
      await Promise.all([page.waitForURL(`${fixture.runtime.baseUrl}/`), page.keyboard.press('Enter')]);
      // then they are back where they started, signed in as themselves with their role
      const me = (await page.evaluate(async () => (await fetch('/auth/me')).json())) as { user: { username: string } };
      expect(me.user).toMatchObject({ username });
      expect(JSON.stringify(me.user)).toContain(role);
      await context.close();
    },
  );
});
