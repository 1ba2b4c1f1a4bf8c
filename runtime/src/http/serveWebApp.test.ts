import { anyone } from '../policies/Policy.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp } from './serveWebApp.js';

describe('serveWebApp', () => {
  let base: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // given a built app mounted at /app, as the runtime mounts the staff app
    const dist = mkdtempSync(join(tmpdir(), 'polis-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><html lang="el"><head><script type="module" src="/app/assets/index-AbCd1234.js"></script></head></html>',
    );
    writeFileSync(join(dist, 'assets', 'index-AbCd1234.js'), 'console.log("app")');
    writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
    const app = express();
    app.use('/app', serveWebApp('staff', dist, anyone));
    app.use((_req, res) => res.status(404).send('not found'));
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close());

  it('should serve hashed assets with an immutable cache and other files with revalidation', async () => {
    const asset = await fetch(`${base}/app/assets/index-AbCd1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("app")');
    const favicon = await fetch(`${base}/app/favicon.svg`);
    expect(favicon.headers.get('cache-control')).toBe('no-cache');
  });

  it('should answer any other page under the mount with index.html, never cached', async () => {
    for (const path of ['/app', '/app/', '/app/org/123', '/app/people/abc?x=1']) {
      const page = await fetch(`${base}${path}`, { headers: { 'Accept-Language': 'el-GR' } });
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type'), path).toContain('text/html');
      expect(page.headers.get('cache-control'), path).toBe('no-cache');
      expect(await page.text(), path).toContain('<html lang="el">');
    }
  });

  it('should not answer a missing asset with the app', async () => {
    const missing = await fetch(`${base}/app/assets/index-Old99999.js`);
    expect(missing.status).toBe(404);
  });

  it('should start the app in the negotiated language and remember a choice made with ?lang=', async () => {
    // when the browser prefers English, the page says so
    const english = await fetch(`${base}/app/org`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
    expect(await english.text()).toContain('<html lang="en">');
    expect(english.headers.get('set-cookie')).toBeNull();
    // when the user picks Greek, the choice is kept in the cookie the server's pages read
    const chosen = await fetch(`${base}/app/?lang=el`, { headers: { 'Accept-Language': 'en' } });
    expect(await chosen.text()).toContain('<html lang="el">');
    expect(chosen.headers.get('set-cookie')).toMatch(/polis_lang=el;.*HttpOnly/i);
    // and the cookie wins over the browser's preference next time
    const next = await fetch(`${base}/app/`, { headers: { 'Accept-Language': 'en', Cookie: 'polis_lang=el' } });
    expect(await next.text()).toContain('<html lang="el">');
  });

  it('should say the app is not built rather than fail obscurely', async () => {
    const app = express();
    app.use('/app', serveWebApp('staff', join(tmpdir(), 'polis-web-does-not-exist'), anyone));
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/app/`);
    expect(answer.status).toBe(503);
    expect(await answer.text()).toContain('npm run build:web');
    await new Promise((resolve) => server.close(resolve));
  });
});
