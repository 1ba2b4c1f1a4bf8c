import { describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { pino } from 'pino';
import { createApp } from './createApp.js';
import type { Readiness } from '../routes/health/health.js';

async function serve(readiness: () => Promise<Readiness>) {
  const server = createServer(createApp({ logger: pino({ level: 'silent' }), readiness }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('createApp', () => {
  it('should serve the landing page in Greek by default and in English on request, with links to each app', async () => {
    const app = await serve(async () => ({ ready: true, checks: {} }));
    // when
    const greek = await fetch(`${app.base}/`);
    const english = await fetch(`${app.base}/?lang=en`);
    // then
    const greekPage = await greek.text();
    expect(greek.headers.get('content-type')).toContain('text/html');
    expect(greekPage).toContain('<html lang="el">');
    expect(greekPage).toContain('Πύλη πολιτών');
    const englishPage = await english.text();
    expect(englishPage).toContain('<html lang="en">');
    expect(englishPage).toContain('Citizen portal');
    expect(english.headers.get('set-cookie')).toContain('polis_lang=en');
    for (const href of ['/portal', '/app', '/designer']) expect(greekPage).toContain(`href="${href}"`);
    await app.close();
  });

  it('should report liveness always and readiness from its checks', async () => {
    let ready = false;
    const app = await serve(async () => ({ ready, checks: { database: ready ? 'ok' : 'unreachable' } }));
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${app.base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not_ready', checks: { database: 'unreachable' } });
    ready = true;
    expect((await fetch(`${app.base}/readyz`)).status).toBe(200);
    await app.close();
  });

  it('should answer an unknown page with a bilingual 404 page and an unknown API path with a JSON error id', async () => {
    const app = await serve(async () => ({ ready: true, checks: {} }));
    const page = await fetch(`${app.base}/nowhere?lang=en`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Page not found');
    const api = await fetch(`${app.base}/api/nowhere`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { id: 'not_found', message: 'No route for GET /api/nowhere' } });
    await app.close();
  });

  it('should escape what a request puts into a page', async () => {
    const app = await serve(async () => ({ ready: true, checks: {} }));
    const page = await fetch(`${app.base}/%3Cscript%3Ealert(1)%3C%2Fscript%3E`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('<script>alert(1)</script>');
    await app.close();
  });
});
