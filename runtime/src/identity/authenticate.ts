import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import { findSessionUser, SESSION_COOKIE } from './sessions.js';
import { readCookie } from './signedValue.js';

/**
 * Middleware that loads the signed-in user (with roles) into `res.locals.user`; without a live session it
 * answers 401 `not_signed_in` to API calls and redirects pages to /auth/login.
 */
export function authenticate(knex: Knex): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const user = token ? await findSessionUser(knex, token) : undefined;
    if (user) {
      res.locals.user = user;
      return next();
    }
    if (token) res.clearCookie(SESSION_COOKIE, { path: '/' });
    if (
      req.method === 'GET' &&
      !req.path.startsWith('/api/') &&
      !req.path.startsWith('/auth/') &&
      req.accepts('html')
    ) {
      return res.redirect(303, `/auth/login?returnTo=${encodeURIComponent(req.originalUrl)}`);
    }
    res
      .status(401)
      .json({ error: { id: 'not_signed_in', message: 'Sign in first: your session is missing or has expired.' } });
  };
}
