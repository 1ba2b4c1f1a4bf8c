import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { pino } from 'pino';
import { createApp } from '../http/createApp.js';
import { systemActor } from '../orgchart/Actor.js';
import type { Role } from '../orgchart/AppUser.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { createUser } from '../orgchart/createUser.js';
import { grantRole } from '../orgchart/grantRole.js';
import { createIdentity } from './createIdentity.js';
import type { VerifyAccessToken } from './accessTokens.js';
import { hashPassword } from './hashPassword.js';
import type { LoginRateLimiter } from './loginRateLimiter.js';

/** Test helper: a cookie jar and fetch that follows nothing, so each redirect of a flow can be checked. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(path, this.baseUrl);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const set of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = set.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=thu, 01 jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects from a response until one leaves for `stopAt` (not requested) or a page is shown. */
  async follow(response: Response, stopAt?: string): Promise<Response> {
    let current = response;
    while (current.status >= 300 && current.status < 400) {
      const location = new URL(current.headers.get('location')!, this.baseUrl).href;
      if (stopAt && location.startsWith(new URL(stopAt, this.baseUrl).href)) return current;
      current = await this.request(location);
    }
    return current;
  }
}

/** Test helper: signs out as a person does, confirming on the sign-out page (whose form carries the CSRF token). */
export async function signOut(browser: Browser): Promise<Response> {
  const page = await (await browser.request('/auth/logout')).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return browser.request('/auth/logout', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf }),
  });
}

/** Test helper: the runtime's HTTP app with the embedded identity, served on a free loopback port. */
export async function startSignOnServer(
  knex: Knex,
  sessionTtlMs?: number,
  { port = 0, limiter }: { port?: number; limiter?: LoginRateLimiter } = {},
): Promise<{ baseUrl: string; verifyAccessToken: VerifyAccessToken; close(): Promise<void> }> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const identity = await createIdentity(
    knex,
    { publicUrl: baseUrl, identity: { kind: 'embedded' } },
    { sessionTtlMs, ...(limiter ? { limiter } : {}) },
  );
  const app = createApp({
    logger: pino({ level: 'silent' }),
    readiness: async () => ({ ready: true, checks: {} }),
    identity: identity.router,
    principal: { knex, csrfSecret: 'test-csrf-secret', verifyAccessToken: identity.verifyAccessToken },
  });
  server.on('request', app);
  return {
    baseUrl,
    verifyAccessToken: identity.verifyAccessToken,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Test helper: a staff user with a role (clerk unless given) and a password. */
export async function createUserWithPassword(
  knex: Knex,
  username: string,
  password: string,
  role: Role = 'clerk',
): Promise<string> {
  const created = await createUser(knex, systemActor, {
    username,
    displayNameEl: 'Μαρία Δοκιμή',
    displayNameEn: 'Maria Test',
    kind: 'staff',
  });
  if (!created.ok) throw new Error(`Expected the user to be created, but ${created.error.message}`);
  await grantRole(knex, systemActor, { userId: created.value.id, role, orgUnitId: null });
  const passwordHash = await hashPassword(password);
  await knex.transaction(async (trx) => {
    await trx('user_credential').insert({ user_id: created.value.id, password_hash: passwordHash });
    await appendAudit(trx, systemActor, { action: 'password.set', objectType: 'app_user', objectId: created.value.id });
  });
  return created.value.id;
}
