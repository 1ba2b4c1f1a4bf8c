import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/loadConfig.js';
import { registerApiClient } from '../identity/registerApiClient.js';
import { Browser, signOut } from '../identity/signOnHarness.js';
import { systemActor } from '../orgchart/Actor.js';
import { openAuditedTestDatabase } from '../orgchart/useOrgChartDatabase.js';
import { createLogger } from './createLogger.js';
import { startRuntime, type RunningRuntime } from './startRuntime.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Signs in through the embedded provider's form; returns the callback URL's code and the final response. */
async function signIn(browser: Browser, username: string, password: string) {
  const page = await browser.follow(await browser.request('/auth/login?returnTo=/'));
  const action = /<form method="post" action="([^"]+)"/.exec(await page.text())?.[1];
  if (!action) throw new Error('Expected the sign-in form.');
  const submitted = await browser.request(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }),
  });
  const toCallback = await browser.follow(submitted, '/auth/callback');
  const callback = new URL(toCallback.headers.get('location') ?? '/', browser.baseUrl);
  await browser.request(callback.pathname + callback.search);
  return { code: callback.searchParams.get('code'), state: callback.searchParams.get('state') };
}

describe('the logs', () => {
  const lines: string[] = [];
  let runtime: RunningRuntime;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), PUBLIC_URL: baseUrl, DATA_DIR: mkdtempSync(join(tmpdir(), 'polis-logs-')) };
    const config = loadConfig({ ...env, ZEEBE_GATEWAY_PORT: '0' }, process.cwd());
    if (!config.ok) throw new Error(config.problem.message);
    // The production logger, at its most talkative level, writing into memory.
    const logger = createLogger(
      'trace',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const database = await openAuditedTestDatabase();
    runtime = await startRuntime({ ...config.value, host: '127.0.0.1' }, logger, { database });
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('should never contain a password, session cookie, code, token, client secret or CSRF token', async () => {
    const secrets = new Map<string, string>();
    // given a clerk who mistypes their password, then signs in, reads and signs out
    const clerk = new Browser(baseUrl);
    await signIn(clerk, 'k.petrou', 'demo-clerk-typo');
    secrets.set('mistyped password', 'demo-clerk-typo');
    const { code, state } = await signIn(clerk, 'k.petrou', 'demo-clerk');
    secrets.set('password', 'demo-clerk');
    secrets.set('authorization code', code ?? 'missing code');
    secrets.set('state', state ?? 'missing state');
    secrets.set('session cookie', clerk.cookies.get('polis_session') ?? 'missing session');
    // Every cookie but the provider's interaction cookie, whose value is the interaction id that the protocol puts
    // in the sign-in page's URL (its signature cookie is a secret and is checked).
    for (const [name, value] of clerk.cookies) if (name !== '_interaction') secrets.set(`cookie ${name}`, value);
    const me = (await (await clerk.request('/api/v1/me')).json()) as { csrfToken: string };
    secrets.set('CSRF token', me.csrfToken);
    await signOut(clerk);
    // and a third-party system that gets a token and calls the API with it, and once with a forged one
    const registered = await registerApiClient(runtime.database.knex, systemActor, {
      name: 'Σύστημα πρωτοκόλλου',
      scopes: ['orgchart:read'],
    });
    if (!registered.ok) throw new Error(registered.error.message);
    const { clientId, clientSecret } = registered.value;
    secrets.set('client secret', clientSecret);
    const tokenResponse = await fetch(`${baseUrl}/oidc/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'orgchart:read' }),
    });
    const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string };
    secrets.set('access token', accessToken);
    expect(
      (await fetch(`${baseUrl}/api/v1/openapi.json`, { headers: { authorization: `Bearer ${accessToken}` } })).status,
    ).toBe(200);
    await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}x` } });

    // then the logs recorded those requests
    const log = lines.join('');
    for (const path of ['/auth/callback', '/oidc/token', '/api/v1/me', '/auth/logout']) expect(log).toContain(path);
    // but none of the secrets, whole or as their distinctive first half
    const leaked = [...secrets]
      .filter(([, value]) => value.length >= 8)
      .filter(([, value]) => log.includes(value) || log.includes(value.slice(0, Math.ceil(value.length / 2))))
      .map(([name]) => name);
    const where = leaked.map((name) =>
      lines.find((line) => line.includes(secrets.get(name)!.slice(0, 8)))?.slice(0, 400),
    );
    expect(leaked, JSON.stringify(where)).toEqual([]);
  });
});
