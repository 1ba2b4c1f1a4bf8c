import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { healthRouter, type Readiness } from '../routes/health/health.js';
import { landingRouter } from '../routes/landing/landing.js';
import { translator } from '../i18n/index.js';
import { html, layout } from './html.js';
import { languageOf } from './languageOf.js';
import { apiRouter } from './apiRouter.js';
import { redactUrl } from './redactUrl.js';
import type { ApiRoute } from './ApiRoute.js';
import { resolvePrincipal, type PrincipalSources } from '../middlewares/resolvePrincipal.js';

/** What the HTTP application needs from the rest of the runtime. */
export interface AppDependencies {
  readonly logger: Logger;
  readonly readiness: () => Promise<Readiness>;
  /** Sign-on: the /auth routes, and the embedded OpenID Provider at /oidc when there is one. */
  readonly identity?: Router;
  /** Where principals come from (sessions, access tokens); without it every request is anonymous. */
  readonly principal?: PrincipalSources;
  /** The JSON API's routes, served under /api/v1. */
  readonly api?: readonly ApiRoute[];
  /** The web apps by mount path (e.g. /app), each of whose routes carries its policy. */
  readonly webApps?: Readonly<Record<string, Router>>;
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
export function createApp({ logger, readiness, identity, principal, api, webApps = {} }: AppDependencies): Express {
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
      // The sign-in callback's code and state, and other credentials sent in a query, stay out of the logs.
      serializers: {
        // The parsed query repeats the URL's parameters unredacted, so only the redacted URL is kept.
        req: ({ query: _query, ...req }: { url?: string; query?: unknown }) => ({
          ...req,
          url: req.url === undefined ? undefined : redactUrl(req.url),
        }),
        // A redirect to the callback carries the code and state in its Location.
        res: (res: { headers?: Record<string, unknown> }) => {
          const location = res.headers?.location;
          return typeof location === 'string'
            ? { ...res, headers: { ...res.headers, location: redactUrl(location) } }
            : res;
        },
      },
    }),
  );
  app.use(securityHeaders);
  app.use(healthRouter(readiness));
  if (principal) app.use(resolvePrincipal(principal));
  if (identity) app.use(identity);
  if (api) app.use(apiRouter(api));
  for (const [mount, router] of Object.entries(webApps)) app.use(mount, router);
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
