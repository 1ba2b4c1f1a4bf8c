import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axeViolations.js';
import { signInAs } from './signInAs.js';
import { useBrowserRuntime } from './useBrowserRuntime.js';

/** A small but real PDF: the server checks an upload by its content, not its name. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A real 1×1 PNG, for fields that take only images. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** Collects what should never happen on a page: script errors, console errors, failed requests. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    const expected = message.text().includes('status of 401') || message.location().url.endsWith('/favicon.ico');
    if (message.type() === 'error' && !expected) problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.status() !== 401) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

/** The JSON API as a signed-in person of a browser context (their session cookie and CSRF token). */
async function apiOf(context: BrowserContext, baseUrl: string) {
  const request: APIRequestContext = context.request;
  const me = await request.get(`${baseUrl}/api/v1/me`);
  expect(me.status()).toBe(200);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken, accept: 'application/json' };
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests index into bodies freely
    async get(path: string): Promise<any> {
      const response = await request.get(`${baseUrl}/api/v1${path}`, { headers });
      expect(response.status(), `GET ${path}: ${await response.text()}`).toBe(200);
      return response.json();
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests index into bodies freely
    async post(path: string, body: unknown, extra: Record<string, string> = {}): Promise<any> {
      const response = await request.post(`${baseUrl}/api/v1${path}`, {
        headers: { ...headers, ...extra },
        data: body,
      });
      expect(response.status(), `POST ${path}: ${await response.text()}`).toBeLessThan(300);
      return response.json();
    },
    async upload(name: string): Promise<string> {
      const response = await request.post(`${baseUrl}/api/v1/attachments`, {
        headers: { ...headers, 'content-type': 'application/pdf', 'x-filename': encodeURIComponent(name) },
        data: PDF,
      });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { attachmentId: string }).attachmentId;
    },
  };
}

/** Waits until check() gives a value (polling every 250 ms). */
async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Expected ${what} within ${timeoutMs} ms, but it did not happen`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Chooses a file for a Form.io file field with the keyboard (Enter on its browse link). */
async function attach(page: Page, fieldKey: string, name: string): Promise<void> {
  const browse = page.locator(`.formio-component-${fieldKey} a.browse`);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), browse.press('Enter')]);
  const png = name.endsWith('.png');
  await chooser.setFiles({ name, mimeType: png ? 'image/png' : 'application/pdf', buffer: png ? PNG : PDF });
  await page.locator(`.formio-component-${fieldKey}`).getByRole('link', { name }).waitFor();
}

/** Downloads a link and answers its file name and first bytes. */
async function download(page: Page, link: ReturnType<Page['getByRole']>): Promise<{ name: string; head: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), head: Buffer.concat(chunks).subarray(0, 5).toString('latin1') };
}

describe('a citizen’s applications from submission to the issued certificate, in a browser', () => {
  const fixture = useBrowserRuntime();

  it(
    'should let a citizen apply, answer the clerk’s request for more information and download the certificate',
    { timeout: 300_000 },
    async () => {
      const baseUrl = fixture.runtime.baseUrl;
      const citizenContext = await fixture.browser.newContext({
        locale: 'el-GR',
        viewport: { width: 1280, height: 900 },
      });
      const page = await citizenContext.newPage();
      const problems = watchProblems(page);
      const axe: Record<string, string[]> = {};

      // given a citizen who signs in on the way to the residence certificate's form
      await page.goto(`${baseUrl}/portal/services/residence-certificate/apply`);
      await page.getByRole('link', { name: 'Σύνδεση' }).first().click();
      await page.locator('#username').fill('c.papanikolaou');
      await page.locator('#password').fill('demo-citizen');
      await Promise.all([
        page.waitForURL(/\/portal\/services\/residence-certificate\/apply$/),
        page.locator('#password').press('Enter'),
      ]);
      const field = (name: string) => page.getByRole('textbox', { name, exact: true });
      await field('Επώνυμο').waitFor();

      // when they fill in the form, pausing long enough for the draft to be saved
      await field('Επώνυμο').fill('Παπανικολάου');
      await field('Όνομα').fill('Γιάννης');
      await expect
        .poll(() => page.locator('.toasts [role="status"]').textContent(), { timeout: 10_000 })
        .toContain('Το πρόχειρο αποθηκεύτηκε');
      axe.form = await axeViolations(page, 'application form');
      // and come back to the form later: their draft is offered, and they continue it
      await page.goto(`${baseUrl}/portal/services/residence-certificate/apply`);
      await page.getByRole('heading', { level: 2, name: 'Έχετε πρόχειρο αυτής της αίτησης' }).waitFor();
      axe.draftOffer = await axeViolations(page, 'draft offer');
      await page.getByRole('button', { name: 'Συνέχεια του προχείρου' }).press('Enter');
      await expect.poll(() => field('Όνομα').inputValue()).toBe('Γιάννης');
      await field('ΑΦΜ').fill('094014201');
      await field('Τηλέφωνο επικοινωνίας').fill('210 612 3456');
      await field('Email').fill('c.papanikolaou@example.gr');
      await field('Οδός').fill('Βασιλίσσης Σοφίας');
      await field('Αριθμός').fill('12');
      await field('Ταχυδρομικός κώδικας').fill('15124');
      await field('Έτος ή έτη κατοικίας').fill('2024, 2025');
      await page
        .getByRole('combobox', { name: 'Είδος αποδεικτικού' })
        .selectOption({ label: 'Λογαριασμός ΔΕΗ / ΕΥΔΑΠ / τηλεφωνίας' });
      await attach(page, 'proof', 'λογαριασμός-ΔΕΗ.pdf');
      const submit = page.getByRole('button', { name: 'Υποβολή αίτησης' });
      await submit.focus();
      await page.keyboard.press('Enter');

      // then the receipt shows the protocol number
      const number = page.getByTestId('protocol-number');
      await number.waitFor({ timeout: 30_000 });
      const protocolNumber = (await number.textContent())?.trim() ?? '';
      expect(protocolNumber).toMatch(/^ΕΙΣ-\d{4}\/\d{6}$/);
      axe.receipt = await axeViolations(page, 'receipt');
      const citizenApi = await apiOf(citizenContext, baseUrl);
      expect(await citizenApi.get('/services/residence-certificate/draft')).toEqual({ draft: null });

      // and the application's page offers the receipt as a PDF
      await page.getByRole('link', { name: 'Οι αιτήσεις μου' }).first().click();
      await page
        .getByRole('row', { name: new RegExp(protocolNumber.replace('/', '\\/')) })
        .getByRole('link')
        .click();
      await page.getByRole('heading', { level: 1, name: `Αίτηση ${protocolNumber}` }).waitFor();
      const applicationUrl = page.url();
      const applicationId = applicationUrl.split('/').pop() ?? '';
      const receipt = await download(page, page.getByTestId('receipt-pdf'));
      expect(receipt.head).toBe('%PDF-');
      expect(receipt.name).toMatch(/\.pdf$/);
      axe.application = await axeViolations(page, 'application');

      // when a clerk of the registry asks for more information (through the API, as the inbox does)
      const clerkContext = await fixture.browser.newContext({ locale: 'el-GR' });
      await signInAs(await clerkContext.newPage(), baseUrl, 'k.petrou', 'demo-clerk');
      const clerkApi = await apiOf(clerkContext, baseUrl);
      const openTask = (except?: string) =>
        eventually(async () => {
          const { tasks } = (await clerkApi.get('/tasks?pageSize=100')) as {
            tasks: { id: string; applicationId: string | null; status: string }[];
          };
          return tasks.find((t) => t.applicationId === applicationId && t.status === 'open' && t.id !== except)?.id;
        }, 'the clerk’s task');
      const firstTask = await openTask();
      await clerkApi.post(`/tasks/${firstTask}/complete`, {
        data: { decision: 'more-info', infoRequest: 'Στείλτε και λογαριασμό ΕΥΔΑΠ του 2025.' },
      });

      // then the citizen sees the request, with its form, on the application's page
      const panel = page.getByRole('region', { name: 'Η υπηρεσία σάς ζήτησε περισσότερα στοιχεία' });
      await eventually(async () => {
        await page.reload();
        await page.getByRole('heading', { level: 1, name: `Αίτηση ${protocolNumber}` }).waitFor();
        return (await panel.count()) > 0 ? true : undefined;
      }, 'the request for more information on the page');
      await expect
        .poll(() => page.getByTestId('application-status').textContent())
        .toContain('Αναμένεται απάντησή σας');
      const replyText = page.getByRole('textbox', { name: 'Απάντηση', exact: true });
      await replyText.waitFor();
      axe.replyForm = await axeViolations(page, 'application awaiting a reply');
      // and in English too
      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('region', { name: 'The service asked you for more information' }).waitFor();
      await page.getByRole('textbox', { name: 'Reply', exact: true }).waitFor();
      axe.replyFormEnglish = await axeViolations(page, 'application awaiting a reply, in English');
      await page.getByRole('link', { name: 'Ελληνικά' }).click();
      await replyText.waitFor();
      // and their list of applications says an answer is awaited
      await page.getByRole('link', { name: 'Οι αιτήσεις μου' }).first().click();
      const row = page.getByRole('row', { name: new RegExp(protocolNumber.replace('/', '\\/')) });
      await row.locator('.awaiting-mark').waitFor();
      expect(await row.textContent()).toContain('Απαντήστε στο αίτημα της υπηρεσίας');
      axe.mineAwaiting = await axeViolations(page, 'my applications, one awaiting a reply');
      await row.getByRole('link').click();
      await replyText.waitFor();

      // when they answer with a document, and send with the keyboard
      await replyText.fill('Επισυνάπτω λογαριασμό ΕΥΔΑΠ του 2025.');
      await attach(page, 'replyDocuments', 'ΕΥΔΑΠ-2025.pdf');
      await page.getByRole('button', { name: 'Αποστολή απάντησης' }).press('Enter');

      // then the reply is confirmed and listed, and the clerk's task opens again with it
      await page.getByText('Η απάντησή σας στάλθηκε στην υπηρεσία').waitFor();
      await page.getByRole('heading', { level: 2, name: 'Οι απαντήσεις σας' }).waitFor();
      expect(await page.locator('.replies').textContent()).toContain('ΕΥΔΑΠ-2025.pdf');
      axe.replied = await axeViolations(page, 'application after the reply');
      const secondTask = await openTask(firstTask);
      const { replies } = (await clerkApi.get(`/applications/${applicationId}/replies`)) as {
        replies: { data: { replyText: string } }[];
      };
      expect(replies.map((r) => r.data.replyText)).toEqual(['Επισυνάπτω λογαριασμό ΕΥΔΑΠ του 2025.']);

      // when the clerk approves
      await clerkApi.post(`/tasks/${secondTask}/complete`, {
        data: { decision: 'approve', certifiedYears: '2024, 2025' },
      });

      // then the citizen finds the application issued, with the certificate among the documents, and downloads it
      const certificate = page.locator('.documents a[data-kind]:not([data-kind="receipt"])');
      await eventually(async () => {
        await page.reload();
        await page.getByRole('heading', { level: 1, name: `Αίτηση ${protocolNumber}` }).waitFor();
        const status = await page.getByTestId('application-status').textContent();
        return (await certificate.count()) > 0 && status?.includes('Εκδόθηκε') ? true : undefined;
      }, 'the certificate among the documents and the status issued');
      const issued = await download(
        page,
        page.getByRole('link', { name: (await certificate.first().textContent()) ?? '' }),
      );
      expect(issued.head).toBe('%PDF-');
      axe.issued = await axeViolations(page, 'application with its certificate');

      // and their notifications are counted in the header and listed; reading one lowers the count
      const notes = (await citizenApi.get('/me/notifications')) as { notifications: unknown[]; unreadCount: number };
      console.log(`notifications: ${notes.notifications.length}, unread ${notes.unreadCount}`);
      expect(notes.unreadCount).toBeGreaterThan(0);
      const badge = page.getByTestId('unread-badge');
      await expect.poll(() => badge.textContent()).toContain(String(notes.unreadCount));
      await page.getByTestId('notifications-link').click();
      await page.getByRole('heading', { level: 1, name: 'Ειδοποιήσεις' }).waitFor();
      expect(await page.locator('.notification').count()).toBe(notes.notifications.length);
      axe.notifications = await axeViolations(page, 'notifications');
      await page
        .getByRole('button', { name: /^Σήμανση ως αναγνωσμένη/ })
        .first()
        .press('Enter');
      await expect
        .poll(async () => ((await badge.count()) ? await badge.textContent() : '0'))
        .toContain(String(notes.unreadCount - 1));

      await page.screenshot({ path: 'test-results/portal-journey-notifications.png', fullPage: true });
      expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((k) => [k, []])));
      expect(problems).toEqual([]);
      await clerkContext.close();
      await citizenContext.close();
    },
  );

  it(
    'should give a protocol number and a visible status to a public space permit and a citizen request',
    { timeout: 180_000 },
    async () => {
      const baseUrl = fixture.runtime.baseUrl;
      const context = await fixture.browser.newContext({ locale: 'el-GR', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems = watchProblems(page);
      const axe: Record<string, string[]> = {};
      await signInAs(page, baseUrl, 'c.economou', 'demo-citizen');

      // given a citizen request with a photograph, made in the portal
      await page.goto(`${baseUrl}/portal/services/citizen-request/apply`);
      await page.getByRole('combobox', { name: 'Κατηγορία' }).waitFor();
      await page.getByRole('combobox', { name: 'Κατηγορία' }).selectOption({ label: 'Ηλεκτροφωτισμός' });
      await page.getByRole('textbox', { name: 'Περιγραφή', exact: true }).fill('Σβηστός φανοστάτης στη γωνία.');
      await page.getByRole('textbox', { name: 'Οδός και αριθμός', exact: true }).fill('Κηφισίας 100');
      await page.getByRole('textbox', { name: 'Ονοματεπώνυμο', exact: true }).fill('Κώστας Οικονόμου');
      await attach(page, 'photos', 'φανοστάτης.png');
      await page.getByRole('button', { name: 'Υποβολή αίτησης' }).click();
      const number = page.getByTestId('protocol-number');
      await number.waitFor({ timeout: 30_000 });
      const requestNumber = (await number.textContent())?.trim() ?? '';
      expect(requestNumber).toMatch(/^ΕΙΣ-\d{4}\/\d{6}$/);

      // and a public space permit with its sketch and its notification, made in the portal too, the dates typed
      // into the browser's own date fields
      await page.goto(`${baseUrl}/portal/services/public-space-permit/apply`);
      const text = (name: string) => page.getByRole('textbox', { name, exact: true });
      await text('Επωνυμία επιχείρησης').waitFor();
      await text('Επωνυμία επιχείρησης').fill('Καφέ Η Πλατεία');
      await text('ΑΦΜ επιχείρησης').fill('094014201');
      await text('Νόμιμος εκπρόσωπος').fill('Κώστας Οικονόμου');
      await text('Τηλέφωνο').fill('2106123456');
      await text('Email').fill('info@plateia.example.gr');
      await text('Οδός').fill('Ερμού');
      await text('Αριθμός').fill('5');
      await text('Ταχυδρομικός κώδικας').fill('15124');
      await page.getByRole('combobox', { name: 'Ζώνη' }).selectOption({ label: 'Ζώνη Β' });
      await page.locator('.formio-component-m2 input').fill('12');
      expect(await page.getByLabel('Από').getAttribute('type')).toBe('date');
      await page.getByLabel('Από').fill('2027-05-01');
      await page.getByLabel('Έως').fill('2027-10-31');
      await attach(page, 'sketch', 'σκαρίφημα.pdf');
      await attach(page, 'kyeNotification', 'γνωστοποίηση-ΚΥΕ.pdf');
      await page.getByRole('button', { name: 'Υποβολή αίτησης' }).click();
      await number.waitFor({ timeout: 30_000 });
      const permit = { protocolNumber: (await number.textContent())?.trim() ?? '' };
      expect(permit.protocolNumber).toMatch(/^ΕΙΣ-\d{4}\/\d{6}$/);

      // then both are listed with their status, and each page shows the status, the receipt and the files
      await page.goto(`${baseUrl}/portal/applications`);
      for (const [protocolNumber, fileName] of [
        [requestNumber, 'φανοστάτης.png'],
        [permit.protocolNumber as string, 'σκαρίφημα.pdf'],
      ] as const) {
        const row = page.getByRole('row', { name: new RegExp(protocolNumber.replace('/', '\\/')) });
        await row.waitFor();
        expect((await row.locator('.app-status').textContent())?.trim()).not.toBe('');
        await row.getByRole('link').click();
        await page.getByRole('heading', { level: 1, name: `Αίτηση ${protocolNumber}` }).waitFor();
        expect((await page.getByTestId('application-status').textContent())?.trim()).not.toBe('');
        expect(await page.locator('main').textContent()).toContain(fileName);
        const receipt = await download(page, page.getByTestId('receipt-pdf'));
        expect(receipt.head).toBe('%PDF-');
        axe[protocolNumber] = await axeViolations(page, `application ${protocolNumber}`);
        await page.goBack();
      }
      axe.mine = await axeViolations(page, 'my applications');
      expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((k) => [k, []])));
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
