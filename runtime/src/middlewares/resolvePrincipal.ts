import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import { findSessionUser, SESSION_COOKIE, sessionDigest } from '../identity/sessions.js';
import { readCookie } from '../identity/signedValue.js';
import { anonymous, type Principal } from '../policies/Principal.js';
import { csrfToken } from './csrfToken.js';

/** What a verified client-credentials access token says: the client and its granted scopes. */
export interface AccessTokenClaims {
  readonly clientId: string;
  readonly scopes: readonly string[];
}

/** Checks an access token; undefined for anything that is not a valid, live token for this API. */
export type AccessTokenVerifier = (token: string) => Promise<AccessTokenClaims | undefined>;

/** What resolving the principal needs. */
export interface PrincipalSources {
  readonly knex: Knex;
  /** The secret CSRF tokens are derived with. */
  readonly csrfSecret: string;
  /** Without one, bearer tokens are refused. */
  readonly verifyAccessToken?: AccessTokenVerifier | undefined;
}

/** The principal of a request, set by {@link resolvePrincipal}. */
export const principalOf = (res: Response): Principal => (res.locals.principal as Principal | undefined) ?? anonymous;

/**
 * Works out who makes each request, for every route: a bearer access token makes a client principal (an
 * invalid one is refused with 401 `invalid_token` at once), the session cookie a user principal with the
 * session's CSRF token in `res.locals.csrfToken`; otherwise the request is anonymous. It refuses nothing else:
 * the route's policy decides.
 */
export function resolvePrincipal({ knex, csrfSecret, verifyAccessToken }: PrincipalSources): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    // Bearer tokens are judged for the API only: the provider's own endpoints (/oidc) read theirs themselves.
    const [scheme, bearer] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer' && req.path.startsWith('/api/')) {
      const claims = bearer ? await verifyAccessToken?.(bearer) : undefined;
      if (!claims) {
        res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        res.status(401).json({
          error: {
            id: 'invalid_token',
            message: 'The Authorization header does not carry a valid, unexpired bearer access token for this API.',
          },
        });
        return;
      }
      res.locals.principal = { kind: 'client', clientId: claims.clientId, scopes: claims.scopes } satisfies Principal;
      return next();
    }
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const user = token ? await findSessionUser(knex, token) : undefined;
    if (token && user) {
      const sessionId = sessionDigest(token);
      res.locals.principal = { kind: 'user', user, sessionId } satisfies Principal;
      res.locals.csrfToken = csrfToken(csrfSecret, sessionId);
    } else {
      if (token) res.clearCookie(SESSION_COOKIE, { path: '/' });
      res.locals.principal = anonymous;
    }
    next();
  };
}
