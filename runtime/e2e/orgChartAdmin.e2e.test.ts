import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAs } from './signInAs.js';
import { useBrowserRuntime } from './useBrowserRuntime.js';

/** yyyy-mm-dd in Athens, `days` from today: deputy arrangements run by the municipality's calendar. */
function athensDay(days = 0): string {
  const at = new Date(Date.now() + days * 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens', dateStyle: 'short' }).format(at);
}

describe('the org chart admin in the staff app, in a browser', () => {
  const fixture = useBrowserRuntime();

  const status = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ });

  it('should let the admin rename a unit, add a sub-unit, name a deputy, and find it all in the audit trail', async () => {
    const context = await fixture.browser.newContext({ locale: 'el-GR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    // given the demo admin, signed in (enrolling the one-time code on the way), on the org chart
    await signInAs(page, fixture.runtime.baseUrl, 'n.papadopoulos', 'demo-admin');
    await page.goto(`${fixture.runtime.baseUrl}/app/`);
    await page.getByRole('tree', { name: 'Οργανικές μονάδες' }).waitFor();
    expect(await page.locator('header').textContent()).toContain('Νικόλαος Παπαδόπουλος');

    // when they find the protocol department by searching without accents, and choose it with the keyboard
    await page.getByLabel('Αναζήτηση μονάδας').fill('πρωτοκολλου');
    const protocol = page.getByRole('treeitem', { name: /Τμήμα Πρωτοκόλλου/ });
    await protocol.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /Τμήμα Πρωτοκόλλου/ }).waitFor();
    const unitId = /\/app\/org\/([^/?#]+)/.exec(page.url())?.[1];
    expect(unitId).toBeTruthy();

    // and give it a code another unit has: the error sits next to the code field
    const code = page.getByLabel('Κωδικός', { exact: true }).first();
    await code.fill('DD');
    await page.getByRole('button', { name: 'Αποθήκευση' }).click();
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    const codeError = await page.locator('#unit-edit-code-error').textContent();
    expect(codeError).toBeTruthy();
    await page.screenshot({ path: 'test-results/org-admin-field-error.png', fullPage: true });

    // when they put the code back and rename the unit
    await code.fill('DD.PROT');
    await page.getByLabel('Όνομα (ελληνικά)').first().fill('Τμήμα Πρωτοκόλλου, Αρχείου & Διεκπεραίωσης');
    await page.getByRole('button', { name: 'Αποθήκευση' }).click();

    // then the change is announced and the tree shows the new name
    await expect.poll(() => status(page).textContent()).toContain('Οι αλλαγές της μονάδας αποθηκεύτηκαν');
    await page.getByRole('treeitem', { name: /Αρχείου & Διεκπεραίωσης/ }).waitFor();

    // when they add an office under it
    await page.getByText('Νέα υπομονάδα', { exact: true }).click();
    const newUnit = page.locator('form', { has: page.getByRole('button', { name: 'Δημιουργία υπομονάδας' }) });
    await newUnit.getByLabel('Όνομα (ελληνικά)').fill('Γραφείο Ηλεκτρονικής Διακίνησης Εγγράφων');
    await newUnit.getByLabel('Όνομα (αγγλικά)').fill('Electronic Document Office');
    await newUnit.getByLabel('Κωδικός').fill('DD.PROT.EDE');
    expect(await newUnit.getByLabel('Είδος').inputValue()).toBe('office');
    await newUnit.getByRole('button', { name: 'Δημιουργία υπομονάδας' }).click();

    // then it is created, chosen, and shown under its parent
    await expect.poll(() => status(page).textContent()).toContain('Δημιουργήθηκε η μονάδα');
    await page.getByRole('heading', { level: 2, name: 'Γραφείο Ηλεκτρονικής Διακίνησης Εγγράφων' }).waitFor();
    const created = page.getByRole('treeitem', { name: /Ηλεκτρονικής Διακίνησης/ });
    expect(await created.getAttribute('aria-selected')).toBe('true');
    expect(await created.getAttribute('aria-level')).toBe(
      String(
        Number(await page.getByRole('treeitem', { name: /Αρχείου & Διεκπεραίωσης/ }).getAttribute('aria-level')) + 1,
      ),
    );
    await page.screenshot({ path: 'test-results/org-admin-unit-created.png', fullPage: true });

    // when they name a deputy for the head of the department for the coming week
    await page.getByRole('link', { name: 'Προσωπικό', exact: true }).click();
    await page.getByLabel('Αναζήτηση υπαλλήλου').fill('Ιωάννου');
    await page.getByRole('link', { name: /Σοφία Ιωάννου/ }).click();
    await page.getByRole('heading', { level: 2, name: /Σοφία Ιωάννου/ }).waitFor();
    const deputyForm = page.locator('form', { has: page.getByRole('button', { name: 'Ορισμός αναπληρωτή' }) });
    await deputyForm.getByLabel('Αναπληρωτής/τρια').selectOption({ label: 'Φωτεινή Ζαχαροπούλου (f.zacharopoulou)' });
    await deputyForm.getByLabel('Από').fill(athensDay(0));
    await deputyForm.getByLabel('Έως και').fill(athensDay(7));
    await deputyForm.getByLabel('Αιτία').fill('Κανονική άδεια');
    await deputyForm.getByRole('button', { name: 'Ορισμός αναπληρωτή' }).click();

    // then it is announced, listed as in effect today, and today's summary says who acts for her
    await expect.poll(() => status(page).textContent()).toContain('Καταχωρίστηκε αναπλήρωση');
    await page.getByRole('cell', { name: 'Ισχύει σήμερα' }).first().waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Ποιος αναπληρώνει ποιον σήμερα' }).textContent())
      .toMatch(/Σοφία Ιωάννου.*Φωτεινή Ζαχαροπούλου/);
    await page.screenshot({ path: 'test-results/org-admin-deputy.png', fullPage: true });

    // when they look the renamed unit up in the audit trail
    await page.getByRole('link', { name: 'Ιστορικό ενεργειών' }).click();
    await page.getByLabel('Αναγνωριστικό αντικειμένου').fill(unitId!);
    await page.getByRole('button', { name: 'Αναζήτηση' }).click();

    // then the rename is there, by them, and the CSV link carries the same filter
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.first().textContent()).toContain('n.papadopoulos');
    expect(await page.getByRole('link', { name: 'Λήψη CSV' }).getAttribute('href')).toBe(
      `/api/v1/audit/export.csv?objectId=${unitId}`,
    );
    await page.screenshot({ path: 'test-results/org-admin-audit.png', fullPage: true });

    // and the deputy arrangement is in the trail too
    await page.getByLabel('Αναγνωριστικό αντικειμένου').fill('');
    await page.getByLabel('Ενέργεια').fill('deputy');
    await page.getByRole('button', { name: 'Αναζήτηση' }).click();
    await expect.poll(() => page.locator('tbody').textContent()).toMatch(/deputy/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('should show a clerk the org chart read-only, and switch the app to English and keep it', async () => {
    const context = await fixture.browser.newContext({ locale: 'el-GR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // given a clerk
    await signInAs(page, fixture.runtime.baseUrl, 'k.petrou', 'demo-clerk');
    await page.goto(`${fixture.runtime.baseUrl}/app/org`);
    await page.getByRole('tree').waitFor();
    // when they open a unit with the keyboard: focus the tree, go down and open
    await page.getByRole('treeitem').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('article.unit h2').waitFor();
    // then they see it without any way to change it, and no audit trail
    expect(await page.getByText('Επεξεργασία μονάδας').count()).toBe(0);
    expect(await page.getByText('Βλέπετε το οργανόγραμμα χωρίς δικαίωμα αλλαγών', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Ιστορικό ενεργειών' }).count()).toBe(0);
    await page.screenshot({ path: 'test-results/org-clerk-read-only.png', fullPage: true });

    // when they switch to English
    await page.locator('header a[lang="en"]').click();
    // then the app is English at once, and still English after a reload
    await page.getByRole('heading', { level: 1, name: 'Org chart' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Org chart' }).waitFor();
    await page.screenshot({ path: 'test-results/org-clerk-english.png', fullPage: true });
    await context.close();
  });
});
