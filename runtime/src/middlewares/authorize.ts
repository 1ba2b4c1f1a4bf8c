import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { html, layout } from '../http/html.js';
import { languageOf } from '../http/languageOf.js';
import { translator } from '../i18n/index.js';
import type { Policy } from '../policies/Policy.js';
import { CSRF_FIELD, CSRF_HEADER, csrfTokenMatches } from './csrfToken.js';
import { principalOf } from './resolvePrincipal.js';

const POLICY = Symbol('polis.policy');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An authorize middleware, carrying its policy so that the router can be audited for routes without one. */
export type AuthorizeHandler = RequestHandler & { readonly [POLICY]: Policy };

/** The policy of a handler made by {@link authorize}, or undefined for any other handler. */
export const policyOf = (handler: unknown): Policy | undefined =>
  typeof handler === 'function' ? (handler as Partial<AuthorizeHandler>)[POLICY] : undefined;

/** How a route is protected beyond its policy. */
export interface AuthorizeOptions {
  /**
   * Whether a state-changing request made with the session cookie must carry the session's CSRF token
   * (header X-CSRF-Token or form field _csrf). On by default; off only where another binding protects the
   * request, and the route says which.
   */
  readonly csrf?: boolean;
}

const wantsPage = (req: Request) => !req.path.startsWith('/api/') && req.accepts(['json', 'html']) === 'html';

function refuse(req: Request, res: Response, status: 401 | 403, id: string, message: string): void {
  if (status === 401 && req.method === 'GET' && wantsPage(req)) {
    res.redirect(303, `/auth/login?returnTo=${encodeURIComponent(req.originalUrl)}`);
    return;
  }
  if (wantsPage(req)) {
    const language = languageOf(req);
    const t = translator(language);
    const content = html`<h1>${t('forbidden.title')}</h1>
      <p class="intro">${t('forbidden.body')}</p>
      <p><a href="/?lang=${language}">${t('notFound.home')}</a></p>`;
    res
      .status(status)
      .type('html')
      .send(layout(t, language, t('forbidden.title'), req.path, content));
    return;
  }
  res.status(status).json({ error: { id, message } });
}

/**
 * The one gate of every route: lets the request through when the policy admits the request's principal and,
 * for a state-changing request made with the session cookie, when it carries the session's CSRF token.
 * Anonymous callers are asked to sign in (401, or a redirect to the sign-in page for a page); others are
 * refused with 403.
 */
export function authorize(policy: Policy, { csrf = true }: AuthorizeOptions = {}): AuthorizeHandler {
  const handler = (req: Request, res: Response, next: NextFunction) => {
    const principal = principalOf(res);
    const decision = policy.decide(principal);
    if (decision === 'unauthenticated')
      return refuse(req, res, 401, 'not_signed_in', 'Sign in first: your session is missing or has expired.');
    if (decision === 'forbidden')
      return refuse(req, res, 403, 'forbidden', `Only ${policy.description} may ${req.method} ${req.path}.`);
    if (csrf && principal.kind === 'user' && !SAFE_METHODS.has(req.method)) {
      const body = req.body as Record<string, unknown> | undefined;
      const presented = req.headers[CSRF_HEADER] ?? (typeof body === 'object' ? body?.[CSRF_FIELD] : undefined);
      if (!csrfTokenMatches(res.locals.csrfToken as string, presented))
        return refuse(
          req,
          res,
          403,
          'csrf_invalid',
          'The request lacks this session’s CSRF token (header X-CSRF-Token): reload the page and try again.',
        );
    }
    next();
  };
  return Object.assign(handler, { [POLICY]: policy });
}
