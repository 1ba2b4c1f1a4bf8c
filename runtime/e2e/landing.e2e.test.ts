import { describe, expect, it } from 'vitest';
import { useBrowserRuntime } from './useBrowserRuntime.js';

describe('the landing page in a browser', () => {
  const fixture = useBrowserRuntime();

  it('should render in Greek, switch to English with the keyboard, and remember the choice', async () => {
    const context = await fixture.browser.newContext({ locale: 'el-GR' });
    const page = await context.newPage();
    // given a visitor with a Greek browser
    await page.goto(`${fixture.runtime.baseUrl}/`);
    // then the page is Greek, with a way into each app
    expect(await page.getAttribute('html', 'lang')).toBe('el');
    expect(await page.textContent('h1')).toBe('Ηλεκτρονικές υπηρεσίες');
    expect(await page.locator('.card h2').allTextContents()).toEqual([
      'Πύλη πολιτών',
      'Εφαρμογή προσωπικού',
      'Σχεδιαστής διαδικασιών',
    ]);
    await page.screenshot({ path: 'test-results/landing-el.png', fullPage: true });

    // when they pick English from the language switch using only the keyboard
    await page.locator('nav a[lang="en"]').focus();
    await Promise.all([page.waitForURL(/lang=en/), page.keyboard.press('Enter')]);

    // then the page is English, and stays English on the next visit
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('e-Services');
    await page.screenshot({ path: 'test-results/landing-en.png', fullPage: true });
    await page.goto(`${fixture.runtime.baseUrl}/`);
    expect(await page.textContent('h1')).toBe('e-Services');
    await context.close();
  });
});
