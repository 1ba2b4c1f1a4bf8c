import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axeViolations.js';
import { screenshotPath } from './browser.js';
import { signInAs } from './signInAs.js';
import { useBrowserRuntime } from './useBrowserRuntime.js';

/** A small but real PDF: the server checks an upload by its content, not its name. */
const PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/** An API answer, read loosely: the test checks what it needs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Calls the API from a signed-in page, with its session cookie and CSRF token; answers the status and JSON. */
async function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          'X-CSRF-Token': me.csrfToken,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(method === 'POST' && path === '/applications' ? { 'Idempotency-Key': crypto.randomUUID() } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

/** Submits an application from the citizen's signed-in page (uploading a PDF for the residence certificate). */
async function apply(citizen: Page, kind: 'residence' | 'roads', surname: string): Promise<string> {
  let body: unknown;
  if (kind === 'residence') {
    const proof = await citizen.evaluate(async (pdf) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const name = 'λογαριασμός ΔΕΗ.pdf';
      const response = await fetch('/api/v1/attachments', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/pdf',
          'X-Filename': encodeURIComponent(name),
          'X-CSRF-Token': me.csrfToken,
        },
        body: new Blob([pdf], { type: 'application/pdf' }),
      });
      const uploaded = (await response.json()) as { attachmentId: string; size: number };
      return { id: uploaded.attachmentId, name, size: uploaded.size, type: 'application/pdf' };
    }, PDF);
    body = {
      serviceId: 'residence-certificate',
      data: {
        lastName: surname,
        firstName: 'Χρήστος',
        afm: '094259216',
        phone: '6912345678',
        email: 'c.papanikolaou@example.gr',
        street: 'Βασ. Σοφίας',
        streetNumber: '12',
        postalCode: '15124',
        years: '2025, 2026',
        proofType: 'utility-bill',
        proof: [proof],
      },
    };
  } else {
    body = {
      serviceId: 'citizen-request',
      data: {
        category: 'roads',
        description: 'Λακκούβα στο οδόστρωμα μπροστά στο σχολείο.',
        locationStreet: 'Κηφισίας 100',
        contactName: `Χρήστος ${surname}`,
      },
    };
  }
  const submitted = await call(citizen, 'POST', '/applications', body);
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(201);
  return submitted.json.protocolNumber as string;
}

/** The tasks a signed-in member of staff sees for a protocol number (their units' view). */
async function tasksFor(page: Page, protocolNumber: string, status = 'active'): Promise<Json[]> {
  const answer = await call(
    page,
    'GET',
    `/tasks?filter=units&status=${status}&protocolNumber=${encodeURIComponent(protocolNumber)}`,
  );
  return (answer.json?.tasks ?? []) as Json[];
}

describe('the clerks’ inbox, in a browser', () => {
  const fixture = useBrowserRuntime();
  const contexts: BrowserContext[] = [];
  const state = {} as {
    citizen: Page;
    panagiotou: Page;
    marinos: Page;
    residence1: string;
    residence2: string;
    roads: string;
  };

  async function signedIn(username: string, password: string, locale = 'el-GR'): Promise<Page> {
    const context = await fixture.browser.newContext({ locale, viewport: { width: 1366, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`page error (${username}): ${error.message}`));
    await signInAs(page, fixture.runtime.baseUrl, username, password);
    return page;
  }

  async function openInbox(page: Page, query = ''): Promise<void> {
    await page.goto(`${fixture.runtime.baseUrl}/app/inbox${query}`);
    await page.getByRole('heading', { level: 1, name: 'Εισερχόμενες εργασίες' }).waitFor();
    await page.locator('main p[aria-live="polite"]', { hasText: /Εμφανίζ/ }).waitFor();
  }

  const rowOf = (page: Page, protocolNumber: string) => page.locator('tbody tr', { hasText: protocolNumber });

  it('should show clerks in two departments only the tasks of their own units', { timeout: 240_000 }, async () => {
    // given a citizen's two residence certificate applications (Municipal Registry, DD.DHM) and a report of a
    // pothole (Road Works, DT.OD)
    state.citizen = await signedIn('c.papanikolaou', 'demo-citizen');
    await state.citizen.goto(`${fixture.runtime.baseUrl}/portal/`);
    state.residence1 = await apply(state.citizen, 'residence', 'Παπανικολάου');
    state.residence2 = await apply(state.citizen, 'residence', 'Οικονόμου');
    state.roads = await apply(state.citizen, 'roads', 'Σωτηρίου');
    state.panagiotou = await signedIn('m.panagiotou', 'demo-clerk');
    state.marinos = await signedIn('s.marinos', 'demo-clerk');
    await state.panagiotou.goto(`${fixture.runtime.baseUrl}/app/`);
    await state.marinos.goto(`${fixture.runtime.baseUrl}/app/`);
    await expect
      .poll(async () => (await tasksFor(state.panagiotou, state.residence2)).length, { timeout: 60_000 })
      .toBe(1);
    await expect.poll(async () => (await tasksFor(state.marinos, state.roads)).length, { timeout: 60_000 }).toBe(1);

    // when a registry clerk and a road works clerk open their inbox
    await openInbox(state.panagiotou);
    await openInbox(state.marinos);

    // then each sees their unit's tasks and none of the other's
    const registry = await state.panagiotou.locator('main').textContent();
    expect(registry).toContain(state.residence1);
    expect(registry).toContain(state.residence2);
    expect(registry).not.toContain(state.roads);
    expect(registry).toContain('Βεβαίωση μόνιμης κατοικίας');
    const roads = await state.marinos.locator('main').textContent();
    expect(roads).toContain(state.roads);
    expect(roads).not.toContain(state.residence1);
    // the rows are reachable with the keyboard: the task's name is a link
    await rowOf(state.panagiotou, state.residence1).getByRole('link').focus();
    const focused = () =>
      (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement
        ?.textContent;
    expect(await state.panagiotou.evaluate(focused)).toContain('Έλεγχος αίτησης');
    await state.panagiotou.screenshot({ path: screenshotPath('inbox-clerk'), fullPage: true });
    expect(await axeViolations(state.panagiotou, 'inbox')).toEqual([]);
  });

  it('should let the head of unit assign a task, and reassign tasks in bulk', { timeout: 120_000 }, async () => {
    // given the head of the Municipal Registry
    const head = await signedIn('d.alexiou', 'demo-head');
    await openInbox(head);
    // when they open the first application's task and assign it to a clerk
    await rowOf(head, state.residence1).getByRole('link').click();
    await head.getByRole('heading', { level: 1, name: 'Έλεγχος αίτησης' }).waitFor();
    await head.getByLabel('Ανάθεση σε…').selectOption({ label: 'Κατερίνα Πέτρου (k.petrou)' });
    await head.getByRole('button', { name: 'Ανάθεση', exact: true }).click();
    // then the task is the clerk's
    await expect.poll(() => head.locator('.facts').textContent()).toContain('Κατερίνα Πέτρου');
    await head.locator('.history .timeline li').first().waitFor();
    await head.screenshot({ path: screenshotPath('inbox-task-head'), fullPage: true });
    expect(await axeViolations(head, 'task page')).toEqual([]);

    // and another clerk of the unit has the task open meanwhile
    await openInbox(state.panagiotou);
    await rowOf(state.panagiotou, state.residence1).getByRole('link').click();
    await state.panagiotou.getByRole('heading', { level: 1, name: 'Έλεγχος αίτησης' }).waitFor();

    // when the head selects it and the second one in the inbox and gives both to that clerk
    await openInbox(head);
    await rowOf(head, state.residence1).getByRole('checkbox').check();
    await rowOf(head, state.residence2).getByRole('checkbox').check();
    await head.getByLabel('Ανάθεση σε…').selectOption({ label: 'Μιχάλης Παναγιώτου (m.panagiotou)' });
    await head.getByRole('button', { name: 'Ανάθεση επιλεγμένων' }).click();
    // then both are reassigned, and she finds them among her own tasks
    await expect.poll(() => rowOf(head, state.residence2).textContent()).toContain('Μιχάλης Παναγιώτου');
    await expect.poll(() => rowOf(head, state.residence1).textContent()).toContain('Μιχάλης Παναγιώτου');
    // and her open task page follows without reloading
    await state.panagiotou.getByText('Η εργασία μόλις άλλαξε').waitFor();
    expect(await state.panagiotou.locator('.facts').textContent()).toContain('Μιχάλης Παναγιώτου');
    await openInbox(state.panagiotou, '?view=mine');
    expect(await state.panagiotou.locator('main').textContent()).toContain(state.residence2);
  });

  it(
    'should let a deputy act for an absent clerk, move the process on, and the audit say on whose behalf',
    { timeout: 180_000 },
    async () => {
      // given the road works clerk away today, and the registry clerk named as his deputy by an admin
      const admin = await signedIn('n.papadopoulos', 'demo-admin');
      const users = await call(admin, 'GET', '/org/users?kind=staff&limit=200');
      const idOf = (username: string) => users.json.users.find((u: Json) => u.username === username).id as string;
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Athens' });
      const named = await call(admin, 'POST', '/org/deputies', {
        absentUserId: idOf('s.marinos'),
        deputyUserId: idOf('m.panagiotou'),
        fromDate: today,
        toDate: today,
        reason: 'Εκπαίδευση',
      });
      expect(named.status, JSON.stringify(named.json)).toBe(201);
      const deputy = await signedIn('m.panagiotou', 'demo-clerk', 'el-GR');
      await openInbox(deputy);
      const [roadTask] = await tasksFor(deputy, state.roads);
      expect(roadTask).toBeDefined();

      // when she takes the pothole report, forwards it to Road Works again with an answer, and completes it
      await rowOf(deputy, state.roads).getByRole('link').click();
      await deputy.getByRole('heading', { level: 1, name: 'Αντιμετώπιση αιτήματος' }).waitFor();
      await deputy.getByRole('button', { name: 'Ανάληψη' }).click();
      await deputy.getByText('Ολοκλήρωση εργασίας').waitFor();
      // (a comment, shown as typed, and a photo of the site, listed with the application's files)
      await deputy.getByLabel('Νέο σχόλιο').fill('Ζητήθηκε αυτοψία <b>αύριο</b>.');
      await deputy.getByRole('button', { name: 'Προσθήκη σχολίου' }).click();
      await deputy.locator('.comments li', { hasText: 'Ζητήθηκε αυτοψία <b>αύριο</b>.' }).waitFor();
      await deputy
        .getByLabel('Προσθήκη αρχείου')
        .setInputFiles({ name: 'αυτοψία.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
      await deputy.getByRole('button', { name: 'Ανέβασμα' }).click();
      await deputy.getByRole('link', { name: 'αυτοψία.pdf' }).waitFor();
      await deputy.getByLabel('Διαβίβαση σε άλλη υπηρεσία').check();
      await deputy.getByLabel('Αρμόδια υπηρεσία').selectOption('DT.OD');
      await deputy.getByLabel('Απάντηση προς τον πολίτη').fill('Διαβιβάστηκε στο συνεργείο οδοποιίας.');
      await deputy.getByRole('button', { name: 'Αποθήκευση πρόχειρου' }).click();
      await expect
        .poll(() => deputy.locator('.toasts [role="status"]').textContent())
        .toContain('πρόχειρο αποθηκεύτηκε');
      const draft = await call(deputy, 'GET', `/tasks/${roadTask.id}/draft`);
      expect(draft.json.draft.data).toMatchObject({ outcome: 'forward', unit: 'DT.OD' });
      await deputy.screenshot({ path: screenshotPath('inbox-task-deputy'), fullPage: true });
      await deputy.getByRole('button', { name: 'Ολοκλήρωση εργασίας' }).click();

      // then she is back in the inbox, where the next task of the same report appears without reloading
      await deputy.getByRole('heading', { level: 1, name: 'Εισερχόμενες εργασίες' }).waitFor();
      await expect.poll(() => rowOf(deputy, state.roads).count(), { timeout: 30_000 }).toBe(1);
      const [nextTask] = await tasksFor(deputy, state.roads);
      expect(nextTask.id).not.toBe(roadTask.id);
      const history = await call(deputy, 'GET', `/tasks/${nextTask.id}/history`);
      expect(history.json.completedElementIds).toContain('handle');
      expect(history.json.activeElementIds).toContain('handle');
      await deputy.screenshot({ path: screenshotPath('inbox-after-complete'), fullPage: true });

      // and the audit says who completed it, on whose behalf
      const audit = await call(admin, 'GET', `/audit?objectId=${roadTask.id}`);
      const completed = audit.json.entries.find((e: Json) => e.action === 'task.completed');
      expect(completed).toMatchObject({ actorUsername: 'm.panagiotou', actingForUsername: 's.marinos' });
      await admin.goto(`${fixture.runtime.baseUrl}/app/audit`);
      await admin.getByRole('heading', { level: 1 }).waitFor();
      await admin.locator('#audit-object-id').fill(roadTask.id);
      await admin.getByRole('button', { name: 'Αναζήτηση' }).click();
      const completedRow = admin.locator('tbody tr', { hasText: 'task.completed' });
      await completedRow.waitFor();
      expect(await completedRow.textContent()).toContain('s.marinos');
      await admin.screenshot({ path: screenshotPath('inbox-audit'), fullPage: true });
    },
  );

  it(
    'should show a new application’s task in an open inbox without reloading, and announce it',
    { timeout: 120_000 },
    async () => {
      // given a registry clerk's inbox, open
      const page = state.panagiotou;
      await openInbox(page);
      await page.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));
      // when a citizen applies
      const third = await apply(state.citizen, 'residence', 'Σωτηρίου');
      // then its task appears, announced, on the same page
      await expect.poll(() => rowOf(page, third).count(), { timeout: 30_000 }).toBe(1);
      expect(await page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);
      await expect.poll(() => page.locator('.toasts [role="status"]').textContent()).toContain('Νέα εργασία');
      await page.screenshot({ path: screenshotPath('inbox-live'), fullPage: true });

      // and in English the same inbox speaks English
      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Task inbox' }).waitFor();
      expect(await page.locator('thead').textContent()).toContain('Protocol no.');
      await page.screenshot({ path: screenshotPath('inbox-en'), fullPage: true });
      for (const context of contexts) await context.close();
    },
  );
});
