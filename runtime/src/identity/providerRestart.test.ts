import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { Browser, createUserWithPassword, startSignOnServer } from './signOnHarness.js';

const fixture = useOrgChartDatabase();
let server: Awaited<ReturnType<typeof startSignOnServer>>;

beforeAll(async () => {
  await createUserWithPassword(fixture.db.knex, 'r.restart', 'restart pass');
  server = await startSignOnServer(fixture.db.knex);
});
afterAll(() => server?.close());

/** Starts /auth/login and follows the provider until it sends the browser to the callback or shows a page. */
const startSignIn = async (browser: Browser) => browser.follow(await browser.request('/auth/login'), '/auth/callback');

describe('the embedded provider over the database', () => {
  it('should keep a provider session across a restart, and ask again once the stored session is gone', async () => {
    // given a browser signed in at the provider
    const browser = new Browser(server.baseUrl);
    const page = await (await startSignIn(browser)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!;
    const submitted = await browser.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'r.restart', password: 'restart pass' }),
    });
    expect((await browser.follow(submitted, '/auth/callback')).headers.get('location')).toContain('/auth/callback');

    // when the runtime restarts: a new provider instance over the same database, at the same address
    const port = Number(new URL(server.baseUrl).port);
    await server.close();
    // Let fetch notice that its kept-alive connections were closed before it reuses one.
    await new Promise((resolve) => setTimeout(resolve, 100));
    server = await startSignOnServer(fixture.db.knex, undefined, { port });

    // then the next sign-in goes straight back to the callback, without the sign-in form
    const again = await startSignIn(browser);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toContain('/auth/callback?code=');
    // and once the stored sessions are gone, the provider asks for the password again
    await fixture.db.knex('oidc_payload').where({ model: 'Session' }).delete();
    const asked = await startSignIn(browser);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('id="password"');
  });
});
