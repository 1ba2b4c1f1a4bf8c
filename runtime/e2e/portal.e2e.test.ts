import { describe, expect, it } from 'vitest';
import { axeViolations } from './axeViolations.js';
import { useBrowserRuntime } from './useBrowserRuntime.js';

/** A small but real PDF: the server checks an upload by its content, not its name. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('the citizen portal, in a browser', () => {
  const fixture = useBrowserRuntime();

  it(
    'should let a citizen find a service, apply with a proof of residence, and find the application',
    { timeout: 180_000 },
    async () => {
      const context = await fixture.browser.newContext({ locale: 'el-GR', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        // A visitor's GET /me answers 401: expected, and the browser logs it. The sign-in pages (not the portal's)
        // have no icon, so the browser's guess at /favicon.ico is a 404 there.
        const expected = message.text().includes('status of 401') || message.location().url.endsWith('/favicon.ico');
        if (message.type() === 'error' && !expected) problems.push(`${message.text()} (${message.location().url})`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && response.status() !== 401)
          problems.push(`${response.status()} ${response.url()}`);
      });
      const axe: Record<string, string[]> = {};

      // given the catalogue, in Greek, to a visitor who is not signed in
      await page.goto(`${fixture.runtime.baseUrl}/portal/`);
      await page.getByRole('heading', { level: 1, name: 'Ηλεκτρονικές υπηρεσίες του Δήμου' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('el');
      await page.getByRole('heading', { level: 2, name: 'Πιστοποιητικά και βεβαιώσεις' }).waitFor();
      expect(await page.locator('main').textContent()).toContain('Χωρίς τέλος');
      await page.screenshot({ path: 'test-results/portal-catalogue.png', fullPage: true });
      axe.catalogue = await axeViolations(page, 'catalogue');

      // when they search without accents and open «Βεβαίωση μόνιμης κατοικίας» with the keyboard
      await page.getByLabel('Αναζήτηση υπηρεσίας').fill('βεβαιωση κατοικιας');
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Βρέθηκε 1 υπηρεσία');
      const link = page.getByRole('link', { name: 'Βεβαίωση μόνιμης κατοικίας' });
      await link.focus();
      await page.keyboard.press('Enter');

      // then the service page shows what is needed, and its heading has the focus
      const serviceHeading = page.getByRole('heading', { level: 1, name: 'Βεβαίωση μόνιμης κατοικίας' });
      await serviceHeading.waitFor();
      await expect.poll(() => page.locator('main h1:focus').count()).toBe(1);
      expect(await page.locator('main').textContent()).toContain('Αποδεικτικό κατοικίας');
      await page.screenshot({ path: 'test-results/portal-service.png', fullPage: true });
      axe.service = await axeViolations(page, 'service');

      // when they choose to apply, they sign in first and come back to the form
      await page.getByRole('link', { name: 'Υποβολή αίτησης' }).click();
      await page.locator('#username').fill('c.papanikolaou');
      await page.locator('#password').fill('demo-citizen');
      await Promise.all([
        page.waitForURL(/\/portal\/services\/residence-certificate\/apply$/),
        page.locator('#password').press('Enter'),
      ]);
      await page.getByRole('heading', { level: 1, name: /Βεβαίωση μόνιμης κατοικίας/ }).waitFor();
      // (by their accessible names: Form.io's labels carry a hidden asterisk)
      const field = (name: string) => page.getByRole('textbox', { name, exact: true });
      const surname = field('Επώνυμο');
      await surname.waitFor().catch(async (error: unknown) => {
        await page.screenshot({ path: 'test-results/portal-form-failed.png', fullPage: true });
        throw new Error(`${String(error)}\n${problems.join('\n')}`);
      });
      axe.form = await axeViolations(page, 'application form');

      // and submit with a wrong tax number: the error is beside the field, and summarised and announced above
      await surname.fill('Παπανικολάου');
      await field('Όνομα').fill('Γιάννης');
      await field('ΑΦΜ').fill('123456789');
      await field('Τηλέφωνο επικοινωνίας').fill('210 612 3456');
      await field('Email').fill('c.papanikolaou@example.gr');
      await field('Οδός').fill('Βασιλίσσης Σοφίας');
      await field('Αριθμός').fill('12');
      await field('Ταχυδρομικός κώδικας').fill('15124');
      await field('Έτος ή έτη κατοικίας').fill('2024, 2025');
      await page
        .getByRole('combobox', { name: 'Είδος αποδεικτικού' })
        .selectOption({ label: 'Λογαριασμός ΔΕΗ / ΕΥΔΑΠ / τηλεφωνίας' });
      // (the file is chosen with the keyboard: Enter on "Επιλογή αρχείων" opens the browser's file chooser)
      const browse = page.locator('.formio-component-proof a.browse');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), browse.press('Enter')]);
      await chooser.setFiles({
        name: 'λογαριασμός-ΔΕΗ.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      // (once uploaded, the file's name is a link to it)
      await page.locator('.formio-component-proof').getByRole('link', { name: 'λογαριασμός-ΔΕΗ.pdf' }).waitFor();
      await page.screenshot({ path: 'test-results/portal-form-filled.png', fullPage: true });
      const submit = page.getByRole('button', { name: 'Υποβολή αίτησης' });
      await submit.focus();
      await page.keyboard.press('Enter');
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('ΑΦΜ');
      expect(await page.locator('.formio-component-afm').textContent()).toMatch(/ΑΦΜ/);
      await page.screenshot({ path: 'test-results/portal-form-errors.png', fullPage: true });
      axe.formErrors = await axeViolations(page, 'application form with errors');

      // when they correct it and submit twice in a row (a double click)
      await field('ΑΦΜ').fill('094014201');
      await submit.dblclick();

      // then one application is registered, and the receipt shows its protocol number, time and service
      const number = page.getByTestId('protocol-number');
      await number.waitFor({ timeout: 30_000 });
      const protocolNumber = (await number.textContent())?.trim() ?? '';
      expect(protocolNumber).toMatch(/^ΕΙΣ-\d{4}\/\d{6}$/);
      expect(await page.locator('.receipt').textContent()).toContain('Βεβαίωση μόνιμης κατοικίας');
      await page.getByRole('button', { name: 'Εκτύπωση' }).waitFor();
      await page.screenshot({ path: 'test-results/portal-receipt.png', fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: 'test-results/portal-receipt-print.png', fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      axe.receipt = await axeViolations(page, 'receipt');

      // and "my applications" lists it once, in words a citizen understands
      await page
        .getByRole('navigation', { name: 'Κύρια πλοήγηση' })
        .getByRole('link', { name: 'Οι αιτήσεις μου' })
        .click();
      const row = page.getByRole('row', { name: new RegExp(protocolNumber.replace('/', '\\/')) });
      await row.waitFor();
      expect(await page.getByRole('row').count()).toBe(2);
      expect(await row.textContent()).toMatch(/Υποβλήθηκε|Σε έλεγχο/);
      await page.screenshot({ path: 'test-results/portal-my-applications.png', fullPage: true });
      axe.mine = await axeViolations(page, 'my applications');

      // and its page shows what was submitted, with the file
      await row.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: `Αίτηση ${protocolNumber}` }).waitFor();
      expect(await page.locator('main').textContent()).toContain('λογαριασμός-ΔΕΗ.pdf');
      await page.screenshot({ path: 'test-results/portal-application.png', fullPage: true });
      axe.application = await axeViolations(page, 'application');

      // and the same journey reads in English
      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: `Application ${protocolNumber}` }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'What you stated' }).waitFor();
      await page.getByText('Surname', { exact: true }).waitFor();
      await page.screenshot({ path: 'test-results/portal-application-en.png', fullPage: true });

      expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((k) => [k, []])));
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
