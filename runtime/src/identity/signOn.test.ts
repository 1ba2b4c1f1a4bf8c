import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { FLOW_COOKIE, type SignOnFlow } from './authRouter.js';
import { SESSION_COOKIE } from './sessions.js';
import { Browser, createUserWithPassword, startSignOnServer, signOut } from './signOnHarness.js';
import { readSignedValue, signValue } from './signedValue.js';

const fixture = useOrgChartDatabase();
let server: Awaited<ReturnType<typeof startSignOnServer>>;
let userId: string;

beforeAll(async () => {
  userId = await createUserWithPassword(fixture.db.knex, 'm.test', 'correct horse');
  server = await startSignOnServer(fixture.db.knex);
});
afterAll(() => server?.close());
beforeEach(async () => {
  await fixture.db.knex('session').delete();
});

const sessions = async () =>
  Number((await fixture.db.knex('session').where({ user_id: userId }).count({ n: '*' }))[0]!.n);

/** Runs the flow up to the provider's redirect back to /auth/callback, and returns that callback URL. */
async function signInUntilCallback(browser: Browser, password = 'correct horse'): Promise<URL> {
  const login = await browser.request('/auth/login?returnTo=/inbox');
  expect(login.status).toBe(303);
  const page = await browser.follow(login);
  const form = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(form)?.[1];
  expect(action).toMatch(/^\/oidc\/interaction\/[\w-]+\/login/);
  const submitted = await browser.request(action!, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: 'm.test', password }),
  });
  const toCallback = await browser.follow(submitted, '/auth/callback');
  expect(toCallback.status).toBeGreaterThanOrEqual(300);
  return new URL(toCallback.headers.get('location')!, browser.baseUrl);
}

async function tamperFlow(browser: Browser, change: Partial<SignOnFlow>): Promise<void> {
  const { value: secret } = (await fixture.db.knex('identity_secret').where({ name: 'rp_cookie_secret' }).first()) as {
    value: string;
  };
  const flow = readSignedValue(browser.cookies.get(FLOW_COOKIE), secret) as SignOnFlow;
  browser.cookies.set(FLOW_COOKIE, signValue({ ...flow, ...change }, secret, 60_000));
}

describe('sign-on through the embedded provider', () => {
  it('should sign in and let an authenticated request see the user and their roles', async () => {
    // given a browser that signed in at the embedded provider
    const browser = new Browser(server.baseUrl);
    const callback = await signInUntilCallback(browser);

    // when the provider sends it back to the callback
    const done = await browser.request(callback.pathname + callback.search);

    // then a session cookie is set, it lands where it started, and /auth/me knows the user
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/inbox');
    expect(done.headers.getSetCookie().join()).toMatch(/polis_session=[\w-]{43};.*HttpOnly.*SameSite=Lax/i);
    expect(await sessions()).toBe(1);
    const me = await browser.request('/auth/me');
    expect(me.status).toBe(200);
    const { user } = (await me.json()) as { user: { id: string; username: string; roles: { role: string }[] } };
    expect(user).toMatchObject({ id: userId, username: 'm.test', roles: [{ role: 'clerk', orgUnitId: null }] });
  });

  it('should delete the session on logout and end the session at the provider', async () => {
    // given a signed-in browser
    const browser = new Browser(server.baseUrl);
    const callback = await signInUntilCallback(browser);
    await browser.request(callback.pathname + callback.search);
    expect(await sessions()).toBe(1);

    // when it logs out
    const logout = await signOut(browser);

    // then the session row is gone, the cookie no longer works, and the provider confirms the logout
    expect(await sessions()).toBe(0);
    expect((await browser.request('/auth/me', { headers: { accept: 'application/json' } })).status).toBe(401);
    expect(logout.headers.get('location')).toContain('/oidc/session/end');
    const confirm = await browser.follow(logout);
    const page = await confirm.text();
    expect(page).toContain('Θέλετε να αποσυνδεθείτε;');
    const action = /action="([^"]+)"/.exec(page)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)![1]!;
    const ended = await browser.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    expect(ended.status).toBe(303);
    expect(ended.headers.get('location')).toBe(`${server.baseUrl}/`);
  });

  it('should reject an expired session and delete it', async () => {
    // given a session whose time is up
    const browser = new Browser(server.baseUrl);
    const callback = await signInUntilCallback(browser);
    await browser.request(callback.pathname + callback.search);
    await fixture.db.knex('session').update({ expires_at: new Date(Date.now() - 1000) });

    // when it is used
    const me = await browser.request('/auth/me', { headers: { accept: 'application/json' } });

    // then it is refused and removed
    expect(me.status).toBe(401);
    expect(((await me.json()) as { error: { id: string } }).error.id).toBe('not_signed_in');
    expect(await sessions()).toBe(0);
  });

  it('should reject a forged state', async () => {
    // given a callback whose state was swapped
    const browser = new Browser(server.baseUrl);
    const callback = await signInUntilCallback(browser);
    callback.searchParams.set('state', 'forged-state');

    // when it reaches the runtime
    const response = await browser.request(callback.pathname + callback.search);

    // then no session is opened
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie().join()).not.toContain(`${SESSION_COOKIE}=`);
    expect(await sessions()).toBe(0);
  });

  it('should reject an ID token whose nonce is not the one the browser holds', async () => {
    // given a flow cookie (validly signed) with another nonce
    const browser = new Browser(server.baseUrl);
    const callback = await signInUntilCallback(browser);
    await tamperFlow(browser, { nonce: 'another-nonce' });

    // when the callback arrives
    const response = await browser.request(callback.pathname + callback.search);

    // then no session is opened
    expect(response.status).toBe(400);
    expect(await sessions()).toBe(0);
  });

  it('should reject a wrong PKCE verifier', async () => {
    // given a flow cookie (validly signed) with another verifier
    const browser = new Browser(server.baseUrl);
    const callback = await signInUntilCallback(browser);
    await tamperFlow(browser, { verifier: 'x'.repeat(43) });

    // when the callback exchanges the code
    const response = await browser.request(callback.pathname + callback.search);

    // then the provider refuses the code and no session is opened
    expect(response.status).toBe(400);
    expect(await sessions()).toBe(0);
  });

  it('should show the error in Greek on a wrong password and open no session', async () => {
    // given a browser at the sign-in page
    const browser = new Browser(server.baseUrl);
    const page = await browser.follow(await browser.request('/auth/login'));
    const action = /<form method="post" action="([^"]+)"/.exec(await page.text())![1]!;

    // when it posts a wrong password
    const response = await browser.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'm.test', password: 'wrong' }),
    });

    // then the sign-in page shows the error in Greek, and nothing is signed in
    expect(response.status).toBe(401);
    const body = await response.text();
    expect(body).toContain('<html lang="el">');
    expect(body).toContain('Λάθος όνομα χρήστη ή κωδικός πρόσβασης');
    expect(await sessions()).toBe(0);
  });
});
