import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { healthRouter, type Readiness } from '../routes/health/health.js';
import { landingRouter } from '../routes/landing/landing.js';
import { translator } from '../i18n/index.js';
import { html, layout } from './html.js';
import { languageOf } from './languageOf.js';

/** What the HTTP application needs from the rest of the runtime. */
export interface AppDependencies {
  readonly logger: Logger;
  readonly readiness: () => Promise<Readiness>;
  /** Sign-on: the /auth routes, and the embedded OpenID Provider at /oidc when there is one. */
  readonly identity?: Router;
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
  );
  next();
}

function notFound(req: Request, res: Response): void {
  if (req.path.startsWith('/api/') || !req.accepts('html')) {
    res.status(404).json({ error: { id: 'not_found', message: `No route for ${req.method} ${req.path}` } });
    return;
  }
  const language = languageOf(req);
  const t = translator(language);
  const content = html`<h1>${t('notFound.title')}</h1>
    <p class="intro">${t('notFound.body')}</p>
    <p><a href="/?lang=${language}">${t('notFound.home')}</a></p>`;
  res
    .status(404)
    .type('html')
    .send(layout(t, language, t('notFound.title'), req.path, content));
}

/** Builds the express application: logging, security headers, the routes, and the error handlers. */
export function createApp({ logger, readiness, identity }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = req.headers['x-request-id'];
        const requestId = typeof id === 'string' && /^[\w-]{1,64}$/.test(id) ? id : randomUUID();
        res.setHeader('X-Request-Id', requestId);
        return requestId;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  app.use(securityHeaders);
  app.use(healthRouter(readiness));
  if (identity) app.use(identity);
  app.use(landingRouter());
  app.use(notFound);
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    req.log.error({ err: error }, 'request failed');
    if (res.headersSent) return;
    res
      .status(500)
      .json({ error: { id: 'internal_error', message: 'Something went wrong on our side; it has been logged.' } });
  });
  return app;
}
