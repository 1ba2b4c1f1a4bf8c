import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { Browser, createUserWithPassword, startSignOnServer } from './signOnHarness.js';
import { systemActor } from '../orgchart/Actor.js';
import { totpCodeAt, totpStep } from './totp.js';
import { confirmTotpEnrolment } from './totpEnrolment.js';

const fixture = useOrgChartDatabase();
let server: Awaited<ReturnType<typeof startSignOnServer>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const knex = fixture.db.knex;
  ids.admin = await createUserWithPassword(knex, 'a.admin', 'admin pass', 'admin');
  ids.analyst = await createUserWithPassword(knex, 'a.analyst', 'analyst pass', 'analyst');
  ids.limited = await createUserWithPassword(knex, 'l.limited', 'right pass');
  ids.codes = await createUserWithPassword(knex, 'c.codes', 'codes pass', 'analyst');
  server = await startSignOnServer(knex);
});
afterAll(() => server?.close());

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
});
const actionOf = (page: string) => /<form method="post" action="([^"]+)"/.exec(page)?.[1]?.replaceAll('&#38;', '&');
const secretOf = (page: string) => /data-secret="([A-Z2-7]+)"/.exec(page)?.[1];
const codeAt = (secret: string, offset = 0) => totpCodeAt(secret, totpStep(new Date()) + offset);

/** Opens the sign-in page and posts a password; returns the response to the post. */
async function postPassword(browser: Browser, username: string, password: string): Promise<Response> {
  const page = await browser.follow(await browser.request('/auth/login?lang=el'));
  return browser.request(actionOf(await page.text())!, form({ username, password }));
}

/** Follows a finished interaction to the runtime's callback and back; true when a session was opened. */
async function finish(browser: Browser, response: Response): Promise<boolean> {
  const toCallback = await browser.follow(response, '/auth/callback');
  const callback = new URL(toCallback.headers.get('location') ?? '/', browser.baseUrl);
  if (callback.pathname !== '/auth/callback') return false;
  await browser.request(callback.pathname + callback.search);
  return (await browser.request('/auth/me', { headers: { accept: 'application/json' } })).status === 200;
}

describe('the login form and the rate limiter', () => {
  it('should refuse the sixth wrong password with 429, Retry-After and a message in minutes, even with the right one', async () => {
    // given five wrong passwords for one username
    const browser = new Browser(server.baseUrl);
    for (let i = 0; i < 5; i++) expect((await postPassword(browser, 'l.limited', 'wrong')).status).toBe(401);

    // when the right password comes next
    const refused = await postPassword(browser, 'l.limited', 'right pass');

    // then it is refused without being checked, with when to try again, in Greek
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    const page = await refused.text();
    expect(page).toContain('δοκιμάστε ξανά σε 15 λεπτά');
    expect(page).toContain('role="alert"');
  });
});

describe('a second factor for admins and analysts', () => {
  let adminSecret: string;
  /** The code the admin confirmed enrolment with: already used, whatever the time is now. */
  let enrolmentCode: string;

  it('should not sign an admin in by skipping the enrolment page', async () => {
    // given an admin without a code at the enrolment page
    const browser = new Browser(server.baseUrl);
    const afterPassword = await postPassword(browser, 'a.admin', 'admin pass');

    // when the browser jumps back to the authorization endpoint instead of confirming
    const login = await browser.request('/auth/login');
    const again = await browser.follow(login, '/auth/callback');

    // then it is asked to sign in again, not sent back signed in
    expect(afterPassword.status).toBe(303);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('id="password"');
  });

  it('should make an admin without a code enrol before signing in, and audit the enrolment', async () => {
    // given an admin who typed the right password
    const browser = new Browser(server.baseUrl);
    const afterPassword = await postPassword(browser, 'a.admin', 'admin pass');
    expect(afterPassword.status).toBe(303);
    const enrolment = await browser.follow(afterPassword);
    const page = await enrolment.text();
    const secret = secretOf(page)!;
    expect(page).toContain('otpauth://totp/Polis:a.admin?secret=' + secret);
    expect(page).toMatch(/autocomplete="one-time-code"/);
    expect(page).toMatch(/inputmode="numeric"/);
    expect(page).toContain(secret.slice(0, 4) + ' ' + secret.slice(4, 8));

    // when they first send a wrong code, then the code their app shows
    const wrong = await browser.request(actionOf(page)!, form({ code: codeAt(secret, 5) }));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Ο κωδικός δεν είναι σωστός');
    enrolmentCode = codeAt(secret);
    const confirmed = await browser.request(actionOf(page)!, form({ code: enrolmentCode }));

    // then the sign-in completes, the secret is stored as confirmed, and the audit trail says so
    expect(await finish(browser, confirmed)).toBe(true);
    const stored = await fixture.db.knex('user_totp').where({ user_id: ids.admin }).first();
    expect(stored).toMatchObject({ secret });
    expect(stored.confirmed_at).not.toBeNull();
    const audit = await fixture.db.knex('audit_entry').where({ action: 'totp.enrolled', object_id: ids.admin });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: ids.admin, object_type: 'app_user' });
    adminSecret = secret;
  });

  it('should ask an enrolled admin for a code and refuse a code already used', async () => {
    // given an enrolled admin whose current code was used at enrolment
    const browser = new Browser(server.baseUrl);
    const codePage = await browser.follow(await postPassword(browser, 'a.admin', 'admin pass'));
    const page = await codePage.text();
    expect(page).toContain('Κωδικός μίας χρήσης');
    expect(secretOf(page)).toBeUndefined();

    // when the used code is replayed, then the next one is sent
    // (the very code of the enrolment, not "the current one": a 30-second step may have passed since)
    const replayed = await browser.request(actionOf(page)!, form({ code: enrolmentCode }));
    const next = await browser.request(actionOf(page)!, form({ code: codeAt(adminSecret, 1) }));

    // then the replay is refused and the next code signs in
    expect(replayed.status).toBe(401);
    expect(await finish(browser, next)).toBe(true);
  });

  it('should let an analyst enrol at /auth/totp, then ask for a code at sign-in', async () => {
    // given a signed-in analyst, who needs no code yet
    const browser = new Browser(server.baseUrl);
    expect(await finish(browser, await postPassword(browser, 'a.analyst', 'analyst pass'))).toBe(true);

    // when they open the enrolment page and confirm a code
    const page = await (await browser.request('/auth/totp?lang=en')).text();
    expect(page).toContain('<html lang="en">');
    const secret = secretOf(page)!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const done = await browser.request(actionOf(page)!, form({ code: codeAt(secret), _csrf: csrf }));

    // then it is on and audited, and the next sign-in asks for a code
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('One-time codes are on');
    expect(
      await fixture.db.knex('audit_entry').where({ action: 'totp.enrolled', object_id: ids.analyst }),
    ).toHaveLength(1);
    const next = new Browser(server.baseUrl);
    const codePage = await next.follow(await postPassword(next, 'a.analyst', 'analyst pass'));
    expect(await codePage.text()).toContain('id="totp-code"');
  });

  it('should refuse /auth/totp to a clerk', async () => {
    // given a signed-in clerk (whose failures of the first test have run out)
    await fixture.db.knex('login_attempt').where({ key: 'l.limited' }).delete();
    const browser = new Browser(server.baseUrl);
    expect(await finish(browser, await postPassword(browser, 'l.limited', 'right pass'))).toBe(true);
    // when they open the enrolment page
    const response = await browser.request('/auth/totp');
    // then they are told it is not for them
    expect(response.status).toBe(403);
    expect(await fixture.db.knex('user_totp').where({ user_id: ids.limited })).toHaveLength(0);
  });

  it('should count wrong codes against the rate limiter', async () => {
    // given an enrolled analyst at the code page
    const enrolled = await confirmTotpEnrolment(fixture.db.knex, systemActor, {
      userId: ids.codes!,
      secret: 'JBSWY3DPEHPK3PXP',
      code: codeAt('JBSWY3DPEHPK3PXP', -1),
    });
    expect(enrolled).toBe(true);
    const browser = new Browser(server.baseUrl);
    const page = await (await browser.follow(await postPassword(browser, 'c.codes', 'codes pass'))).text();
    const wrong = codeAt('JBSWY3DPEHPK3PXP', 5);

    // when five wrong codes are sent
    for (let i = 0; i < 5; i++)
      expect((await browser.request(actionOf(page)!, form({ code: wrong }))).status).toBe(401);

    // then even the right code is refused for now
    const refused = await browser.request(actionOf(page)!, form({ code: codeAt('JBSWY3DPEHPK3PXP') }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.text()).toContain('δοκιμάστε ξανά σε');
  });
});
