import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/loadConfig.js';
import { createApp } from '../../http/createApp.js';
import { systemActor } from '../../orgchart/Actor.js';
import { createUser } from '../../orgchart/createUser.js';
import { useOrgChartDatabase } from '../../orgchart/useOrgChartDatabase.js';
import { createIdentity } from '../createIdentity.js';
import { Browser, signOut } from '../signOnHarness.js';
import { startFakeTaxisNet, type TaxisNetPerson } from './fakeTaxisNet.js';

const fixture = useOrgChartDatabase();
const CLIENT = { clientId: 'dimos-amarousiou', clientSecret: 'taxis-secret' };
let taxisNet: Awaited<ReturnType<typeof startFakeTaxisNet>>;
let server: Server;
let baseUrl: string;
const logLines: string[] = [];

/** A person as TaxisNet describes them, values padded with spaces the way it sends them. */
const person = (taxid: string, overrides: Partial<Record<string, string>> = {}): TaxisNetPerson => ({
  userid: `User${taxid}   `,
  taxid: `${taxid}   `,
  lastname: 'ΠΑΠΑΔΟΠΟΥΛΟΣ',
  firstname: 'ΝΙΚΟΛΑΟΣ',
  fathername: 'ΓΕΩΡΓΙΟΣ',
  mothername: 'ΜΑΡΙΑ',
  birthyear: '1970',
  ...overrides,
});

beforeAll(async () => {
  taxisNet = await startFakeTaxisNet(CLIENT);
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The configuration as an operator writes it: the profile, the credentials, the (here: fake) GSIS host.
  const config = loadConfig(
    {
      PUBLIC_URL: baseUrl,
      OIDC_CITIZEN_PROFILE: 'taxisnet',
      OIDC_CITIZEN_ISSUER: taxisNet.baseUrl,
      OIDC_CITIZEN_CLIENT_ID: CLIENT.clientId,
      OIDC_CITIZEN_CLIENT_SECRET: CLIENT.clientSecret,
    },
    '/tmp',
  );
  if (!config.ok) throw new Error(`Expected a valid configuration, but ${config.problem.message}`);
  const identity = await createIdentity(fixture.db.knex, config.value);
  const logger = pino(
    { level: 'info' },
    new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString()), done()) }),
  );
  server.on(
    'request',
    createApp({
      logger,
      readiness: async () => ({ ready: true, checks: {} }),
      identity: identity.router,
      principal: { knex: fixture.db.knex, csrfSecret: 'test-csrf-secret' },
    }),
  );
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await taxisNet?.close();
});
beforeEach(async () => {
  await fixture.db.knex('session').delete();
  logLines.length = 0;
});

const knex = () => fixture.db.knex;
const sessionCount = async () => Number((await knex()('session').count({ n: '*' }))[0]!.n);
const citizensWith = (taxId: string) => knex()('app_user').where({ tax_id: taxId });

/** Starts a citizen sign-in as `who` and follows it through TaxisNet up to the redirect to /auth/callback. */
async function signInUntilCallback(browser: Browser, who: TaxisNetPerson): Promise<URL> {
  taxisNet.person = who;
  const login = await browser.request('/auth/login?as=citizen&returnTo=/portal');
  expect(login.status).toBe(303);
  expect(login.headers.get('location')).toMatch(new RegExp(`^${taxisNet.baseUrl}/oauth/authorize\\?`));
  const toCallback = await browser.follow(login, '/auth/callback');
  return new URL(toCallback.headers.get('location')!);
}

async function signIn(browser: Browser, who: TaxisNetPerson): Promise<Response> {
  const callback = await signInUntilCallback(browser, who);
  return browser.request(callback.pathname + callback.search);
}

describe('citizen sign-in through TaxisNet', () => {
  it('should create the citizen on the first sign-in, audited, and open a session', async () => {
    // given a TaxisNet user Polis has never seen
    const browser = new Browser(baseUrl);

    // when they sign in as a citizen
    const done = await signIn(browser, person('094259216'));

    // then they land where they started, signed in as a new citizen with the citizen role
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/portal');
    const me = (await (await browser.request('/auth/me')).json()) as { user: Record<string, unknown> };
    expect(me.user).toMatchObject({
      username: 'taxis:094259216',
      displayNameEl: 'ΝΙΚΟΛΑΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ',
      kind: 'citizen',
      roles: [{ role: 'citizen', orgUnitId: null }],
    });
    // and the account holds the ΑΦΜ and names only (no father's or mother's name, no birth year)
    const [row] = (await citizensWith('094259216')) as Record<string, unknown>[];
    expect(row).toMatchObject({ id: me.user.id, kind: 'citizen', email: null, active: true });
    // and its creation is in the audit trail, by the system, from the browser's address
    const audit = (await knex()('audit_entry').where({ object_id: me.user.id }).orderBy('id')) as {
      action: string;
      actor_user_id: string | null;
      source_ip: string | null;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['user.created', 'role.granted']);
    expect(audit.every((a) => a.actor_user_id === null && a.source_ip !== null)).toBe(true);
  });

  it('should find the same citizen on the next sign-in', async () => {
    // given a citizen who signed in before
    await signIn(new Browser(baseUrl), person('111111114'));
    const [first] = (await citizensWith('111111114')) as { id: string }[];

    // when they sign in again (with TaxisNet now sending a changed surname)
    const browser = new Browser(baseUrl);
    const done = await signIn(browser, person('111111114', { lastname: 'ΑΛΛΟΣ' }));

    // then the same account is used and no second one is made
    expect(done.status).toBe(303);
    const me = (await (await browser.request('/auth/me')).json()) as { user: { id: string } };
    expect(me.user.id).toBe(first!.id);
    expect(await citizensWith('111111114')).toHaveLength(1);
  });

  it('should refuse an invalid ΑΦΜ without logging it', async () => {
    // given TaxisNet sends a tax id whose check digit is wrong
    const browser = new Browser(baseUrl);

    // when the callback arrives
    const response = await signIn(browser, person('094259217'));

    // then no account and no session, the page says so, and the log gives the reason without the value
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('δεν μπορεί να χρησιμοποιηθεί στην πύλη πολιτών');
    expect(await citizensWith('094259217')).toHaveLength(0);
    expect(await sessionCount()).toBe(0);
    const refusal = logLines.find((line) => line.includes('citizen sign-in refused'));
    expect(JSON.parse(refusal!)).toMatchObject({ refusal: 'tax_id_invalid' });
    expect(logLines.join('\n')).not.toMatch(/094259217|ΠΑΠΑΔΟΠΟΥΛΟΣ|ΝΙΚΟΛΑΟΣ/);
  });

  it('should refuse a forged state before redeeming the code', async () => {
    // given a callback whose state was swapped
    const browser = new Browser(baseUrl);
    const callback = await signInUntilCallback(browser, person('222222228'));
    callback.searchParams.set('state', 'forged-state');
    const tokenRequests = taxisNet.tokenRequests;

    // when it reaches the runtime
    const response = await browser.request(callback.pathname + callback.search);

    // then the code is never sent to TaxisNet and no session is opened
    expect(response.status).toBe(400);
    expect(taxisNet.tokenRequests).toBe(tokenRequests);
    expect(await sessionCount()).toBe(0);
    expect(await citizensWith('222222228')).toHaveLength(0);
  });

  it('should refuse a callback redeemed with another PKCE verifier', async () => {
    // given a code issued to one browser's challenge, arriving at another browser's flow
    const victim = await signInUntilCallback(new Browser(baseUrl), person('222222228'));
    const attacker = new Browser(baseUrl);
    const own = await signInUntilCallback(attacker, person('222222228'));
    victim.searchParams.set('state', own.searchParams.get('state')!);

    // when the attacker's browser brings the victim's code
    const response = await attacker.request(victim.pathname + victim.search);

    // then TaxisNet refuses the code and no session is opened
    expect(response.status).toBe(400);
    expect(await sessionCount()).toBe(0);
  });

  it('should refuse the ΑΦΜ of a staff member', async () => {
    // given a staff account holding an ΑΦΜ
    const staff = await createUser(knex(), systemActor, {
      username: 'e.staff',
      displayNameEl: 'Ελένη Υπάλληλος',
      displayNameEn: 'Eleni Staff',
      kind: 'staff',
      taxId: '077777777',
    });
    expect(staff.ok).toBe(true);
    const browser = new Browser(baseUrl);

    // when someone signs in at TaxisNet with that ΑΦΜ
    const response = await signIn(browser, person('077777777'));

    // then no citizen session is opened, no citizen is created, and the page points to the staff sign-in
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('ανήκει σε λογαριασμό υπαλλήλου');
    expect(await sessionCount()).toBe(0);
    expect(await citizensWith('077777777')).toMatchObject([{ kind: 'staff' }]);
    expect((await browser.request('/auth/me', { headers: { accept: 'application/json' } })).status).toBe(401);
  });

  it('should sign a citizen out of TaxisNet too', async () => {
    // given a signed-in citizen
    const browser = new Browser(baseUrl);
    await signIn(browser, person('055555555'));

    // when they log out
    const logout = await signOut(browser);

    // then the session is gone and the browser goes to TaxisNet's logout page for this client
    expect(await sessionCount()).toBe(0);
    expect(logout.headers.get('location')).toBe(`${taxisNet.baseUrl}/logout/${CLIENT.clientId}/`);
  });

  it('should keep staff sign-in at the main issuer', async () => {
    // given a browser asking for the staff sign-in
    // when it starts
    const login = await new Browser(baseUrl).request('/auth/login');
    // then it goes to the embedded provider, not to TaxisNet
    expect(login.headers.get('location')).toContain(`${baseUrl}/oidc/auth?`);
  });
});
