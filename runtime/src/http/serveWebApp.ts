import express, { Router, type Request, type Response } from 'express';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { languageOf } from './languageOf.js';
import { authorize } from '../middlewares/authorize.js';
import type { Policy } from '../policies/Policy.js';

/** The Vite apps under runtime/web that the runtime serves. */
export type WebAppName = 'staff' | 'portal' | 'designer';

// Vite names built assets `name-<hash>.ext` under assets/: their content never changes under that name.
const HASHED = /(^|\/)assets\/.+-[\w-]{8,}\.[a-z0-9]+(\.map)?$/i;
const A_FILE = /\/[^/]+\.[a-z0-9]+$/i;
const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

/** Where `npm run build:web` puts an app: runtime/web/dist/<name>, from src/ (tests) or dist/src/ (built). */
export function webDistDir(name: WebAppName): string {
  const candidates = ['../../web/dist', '../../../web/dist'].map((up) =>
    fileURLToPath(new URL(`${up}/${name}`, import.meta.url)),
  );
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
}

/**
 * Serves a built single-page app: its hashed assets with a year's immutable cache, and its index.html (never
 * cached) for every other GET under the mount, so that client-side routes survive a reload. index.html is
 * served in the language negotiated like the server's pages (`?lang=`, the `polis_lang` cookie — set here when
 * `?lang=` asks — or Accept-Language), written into `<html lang>` for the app to start in. The app's pages
 * are behind the policy (a visitor who is not signed in is sent to sign in); its static files are not, as they
 * hold code only, never data.
 */
export function serveWebApp(name: WebAppName, distDir: string, policy: Policy): Router {
  const router = Router();
  const indexPath = join(distDir, 'index.html');
  let cached: { mtimeMs: number; html: string } | undefined;

  const readIndex = (): string | undefined => {
    if (!existsSync(indexPath)) return undefined;
    const { mtimeMs } = statSync(indexPath);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(indexPath, 'utf8') };
    return cached.html;
  };

  router.use(
    express.static(distDir, {
      index: false,
      redirect: false,
      setHeaders: (res, path) =>
        res.setHeader('Cache-Control', HASHED.test(path.replaceAll('\\', '/')) ? YEAR_IMMUTABLE : 'no-cache'),
    }),
  );

  const sendIndex = (req: Request, res: Response) => {
    const html = readIndex();
    if (html === undefined) {
      res
        .status(503)
        .type('text')
        .send(`The ${name} app has not been built yet: run \`npm run build:web\` and reload.`);
      return;
    }
    const language = languageOf(req);
    if (req.query.lang === language) {
      res.cookie('polis_lang', language, { sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 * 1000 });
    }
    res
      .status(200)
      .type('html')
      .setHeader('Cache-Control', 'no-cache')
      .setHeader('Vary', 'Cookie, Accept-Language')
      .send(html.replace(/<html lang="[a-z-]*"/i, `<html lang="${language}"`));
  };

  router.get('/{*rest}', authorize(policy), (req, res, next) => {
    // A missing file (an old hashed asset, a typo) is a 404, not the app: the browser expects JS or CSS there.
    if (A_FILE.test(req.path)) return next();
    sendIndex(req, res);
  });
  router.get('/', authorize(policy), sendIndex);
  return router;
}
