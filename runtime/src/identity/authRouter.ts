import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import * as client from 'openid-client';
import { html, layout } from '../http/html.js';
import { languageOf } from '../http/languageOf.js';
import { translator } from '../i18n/index.js';
import { authenticate } from './authenticate.js';
import { createSession, deleteSession, SESSION_COOKIE } from './sessions.js';
import { readCookie, readSignedValue, signValue } from './signedValue.js';

/** The short-lived signed cookie that carries state, nonce and PKCE verifier between login and callback. */
export const FLOW_COOKIE = 'polis_auth';
const FLOW_TTL_MS = 10 * 60 * 1000;

/** What the sign-on routes need. */
export interface AuthRouterOptions {
  readonly knex: Knex;
  readonly publicUrl: string;
  readonly clientId: string;
  /** Signs the flow cookie. */
  readonly cookieSecret: string;
  readonly sessionTtlMs: number;
  readonly oidc: () => Promise<client.Configuration>;
}

/** What the flow cookie holds between /auth/login and /auth/callback. */
export interface SignOnFlow {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly returnTo: string;
}

const isFlow = (v: unknown): v is SignOnFlow =>
  typeof v === 'object' &&
  v !== null &&
  ['state', 'nonce', 'verifier', 'returnTo'].every((k) => typeof (v as Record<string, unknown>)[k] === 'string');

// Only a local path: an absolute or protocol-relative URL would make the login an open redirect.
const safeReturnTo = (value: unknown) =>
  typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length <= 2000 ? value : '/';

function signInFailed(req: Request, res: Response): void {
  const language = languageOf(req);
  const t = translator(language);
  const content = html`<h1>${t('identityError.title')}</h1>
    <p class="intro" id="sign_in_failed">${t('signIn.failed')}</p>
    <p><a href="/auth/login">${t('signIn.retry')}</a></p>`;
  res
    .status(400)
    .type('html')
    .send(layout(t, language, t('identityError.title'), req.path, content));
}

/**
 * The relying party's routes: /auth/login (authorization code with PKCE, state and nonce), /auth/callback
 * (checks them, then opens a database session), /auth/logout (RP-initiated logout), /auth/me.
 */
export function authRouter(options: AuthRouterOptions): Router {
  const { knex, publicUrl, cookieSecret } = options;
  const secure = publicUrl.startsWith('https:');
  const redirectUri = `${publicUrl}/auth/callback`;
  const router = Router();

  router.get('/auth/login', async (req, res) => {
    const config = await options.oidc();
    const flow: SignOnFlow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      returnTo: safeReturnTo(req.query.returnTo),
    };
    res.cookie(FLOW_COOKIE, signValue(flow, cookieSecret, FLOW_TTL_MS), {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/auth',
      maxAge: FLOW_TTL_MS,
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
      ui_locales: languageOf(req),
    });
    res.redirect(303, url.href);
  });

  router.get('/auth/callback', async (req, res) => {
    const flow = readSignedValue(readCookie(req.headers.cookie, FLOW_COOKIE), cookieSecret);
    res.clearCookie(FLOW_COOKIE, { path: '/auth', httpOnly: true, sameSite: 'lax', secure });
    if (!isFlow(flow)) {
      req.log.warn('sign-in callback without a valid flow cookie');
      return signInFailed(req, res);
    }
    let username: unknown;
    try {
      const config = await options.oidc();
      const tokens = await client.authorizationCodeGrant(config, new URL(req.originalUrl, publicUrl), {
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        pkceCodeVerifier: flow.verifier,
        idTokenExpected: true,
      });
      username = tokens.claims()?.preferred_username;
    } catch (error) {
      // The library's message names the failed check; it carries no token.
      req.log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'sign-in callback refused');
      return signInFailed(req, res);
    }
    const user = (await knex('app_user').where({ username, active: true }).first('id')) as { id: string } | undefined;
    if (typeof username !== 'string' || !user) {
      req.log.warn('sign-in for an unknown or inactive user');
      return signInFailed(req, res);
    }
    const token = await createSession(knex, user.id, options.sessionTtlMs);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: options.sessionTtlMs,
    });
    res.redirect(303, flow.returnTo);
  });

  router.get('/auth/logout', async (req, res) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) await deleteSession(knex, token);
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
    const config = await options.oidc();
    const endSession = config.serverMetadata().end_session_endpoint
      ? client.buildEndSessionUrl(config, {
          client_id: options.clientId,
          post_logout_redirect_uri: `${publicUrl}/`,
        }).href
      : '/';
    res.redirect(303, endSession);
  });

  router.get('/auth/me', authenticate(knex), (_req, res) => {
    res.json({ user: res.locals.user });
  });

  return router;
}
