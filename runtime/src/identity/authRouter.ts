import express, { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import * as client from 'openid-client';
import { html, layout } from '../http/html.js';
import { languageOf } from '../http/languageOf.js';
import { translator } from '../i18n/index.js';
import type { MessageKey } from '../i18n/index.js';
import { authorize } from '../middlewares/authorize.js';
import { principalOf } from '../middlewares/resolvePrincipal.js';
import { anyone, signedIn } from '../policies/Policy.js';
import { presentSessionUser } from '../presenters/presentSessionUser.js';
import type { CitizenIssuer, CitizenRefusal } from './citizen/CitizenIssuer.js';
import { findOrCreateCitizen } from './citizen/findOrCreateCitizen.js';
import { mapCitizenClaims } from './citizen/mapCitizenClaims.js';
import { createSession, deleteSession, findSessionUser, SESSION_COOKIE } from './sessions.js';
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
  /** Where `/auth/login?as=citizen` signs citizens in; undefined sends them to the main issuer too. */
  readonly citizen?: CitizenIssuer | undefined;
}

/** What the flow cookie holds between /auth/login and /auth/callback. */
export interface SignOnFlow {
  /** The issuer the browser was sent to: the main one, or the citizens' one. */
  readonly issuer: 'main' | 'citizen';
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly returnTo: string;
}

const isFlow = (v: unknown): v is SignOnFlow =>
  typeof v === 'object' &&
  v !== null &&
  ['state', 'nonce', 'verifier', 'returnTo'].every((k) => typeof (v as Record<string, unknown>)[k] === 'string') &&
  ['main', 'citizen'].includes((v as Record<string, unknown>).issuer as string);

// Only a local path: an absolute or protocol-relative URL would make the login an open redirect.
const safeReturnTo = (value: unknown) =>
  typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length <= 2000 ? value : '/';

// What a refused citizen reads: staff are sent to their own sign-in; other refusals after the issuer vouched
// for the person need the municipality; a broken or forged flow just needs another try.
const CITIZEN_REFUSAL_TEXT: Partial<Record<CitizenRefusal['id'], MessageKey>> = {
  staff_tax_id: 'signIn.citizenIsStaff',
  tax_id_invalid: 'signIn.citizenRefused',
  claims_missing: 'signIn.citizenRefused',
  citizen_inactive: 'signIn.citizenRefused',
};

function signInFailed(req: Request, res: Response, text: MessageKey = 'signIn.failed', retry = '/auth/login'): void {
  const language = languageOf(req);
  const t = translator(language);
  const content = html`<h1>${t('identityError.title')}</h1>
    <p class="intro" id="sign_in_failed">${t(text)}</p>
    <p><a href="${retry}">${t('signIn.retry')}</a></p>`;
  res
    .status(400)
    .type('html')
    .send(layout(t, language, t('identityError.title'), req.path, content));
}

/**
 * The relying party's routes: /auth/login (authorization code with PKCE, state and nonce), /auth/callback
 * (checks them, then opens a database session), /auth/logout (asks; its POST signs out and goes on to the
 * provider's RP-initiated logout), /auth/me.
 * `/auth/login?as=citizen` goes to the citizens' issuer when one is configured (TaxisNet or OpenID Connect):
 * its callback finds or creates the citizen account by ΑΦΜ.
 */
export function authRouter(options: AuthRouterOptions): Router {
  const { knex, publicUrl, cookieSecret } = options;
  const secure = publicUrl.startsWith('https:');
  const redirectUri = `${publicUrl}/auth/callback`;
  const router = Router();

  const openSession = async (res: Response, userId: string, returnTo: string) => {
    const token = await createSession(knex, userId, options.sessionTtlMs);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: options.sessionTtlMs,
    });
    res.redirect(303, returnTo);
  };

  router.get('/auth/login', authorize(anyone), async (req, res) => {
    const citizen = req.query.as === 'citizen' ? options.citizen : undefined;
    const flow: SignOnFlow = {
      issuer: citizen ? 'citizen' : 'main',
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
    if (citizen) {
      return res.redirect(303, (await citizen.authorizationUrl(flow, redirectUri, languageOf(req))).href);
    }
    const config = await options.oidc();
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

  router.get('/auth/callback', authorize(anyone), async (req, res) => {
    const flow = readSignedValue(readCookie(req.headers.cookie, FLOW_COOKIE), cookieSecret);
    res.clearCookie(FLOW_COOKIE, { path: '/auth', httpOnly: true, sameSite: 'lax', secure });
    if (!isFlow(flow)) {
      req.log.warn('sign-in callback without a valid flow cookie');
      return signInFailed(req, res);
    }
    if (flow.issuer === 'citizen') return citizenCallback(req, res, flow);
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
    await openSession(res, user.id, flow.returnTo);
  });

  /** The callback of the citizens' issuer: its claims → a valid ΑΦΜ → the citizen account → a session. */
  async function citizenCallback(req: Request, res: Response, flow: SignOnFlow): Promise<void> {
    const citizenRetry = '/auth/login?as=citizen';
    const refused = (refusal: CitizenRefusal) => {
      req.log.warn({ issuer: 'citizen', refusal: refusal.id, reason: refusal.reason }, 'citizen sign-in refused');
      signInFailed(req, res, CITIZEN_REFUSAL_TEXT[refusal.id] ?? 'signIn.failed', citizenRetry);
    };
    const issuer = options.citizen;
    if (!issuer) {
      req.log.warn('citizen sign-in callback, but no citizen issuer is configured');
      return signInFailed(req, res, 'signIn.failed', citizenRetry);
    }
    const claims = await issuer.completeSignIn(new URL(req.originalUrl, publicUrl), flow, redirectUri);
    if (!claims.ok) return refused(claims);
    const citizen = mapCitizenClaims(issuer.profile, claims.value);
    if (!citizen.ok) return refused(citizen);
    const account = await findOrCreateCitizen(knex, { userId: undefined, sourceIp: req.ip }, citizen.value);
    if (!account.ok) return refused(account);
    req.log.info({ userId: account.value.userId, created: account.value.created }, 'citizen signed in');
    await openSession(res, account.value.userId, flow.returnTo);
  }

  // A link to sign out only asks: the change itself is a POST carrying the session's CSRF token, so that no
  // other site can sign people out by embedding the link.
  router.get('/auth/logout', authorize(anyone), (req, res) => {
    const principal = principalOf(res);
    if (principal.kind !== 'user') return res.redirect(303, '/');
    const language = languageOf(req);
    const t = translator(language);
    const content = html`<h1>${t('signOut.title')}</h1>
      <p class="intro">${t('signOut.body')}</p>
      <form method="post" action="/auth/logout">
        <input type="hidden" name="_csrf" value="${res.locals.csrfToken as string}" />
        <p>
          <button type="submit">${t('signOut.confirm')}</button>
          <a href="/">${t('signOut.cancel')}</a>
        </p>
      </form>`;
    res.type('html').send(layout(t, language, t('signOut.title'), req.path, content));
  });

  router.post(
    '/auth/logout',
    express.urlencoded({ extended: false, limit: '1kb' }),
    authorize(anyone),
    async (req, res) => {
      const token = readCookie(req.headers.cookie, SESSION_COOKIE);
      const user = token && options.citizen ? await findSessionUser(knex, token) : undefined;
      if (token) await deleteSession(knex, token);
      res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
      // A citizen leaves the citizens' issuer too: on a shared computer (a ΚΕΠ) the next person must not be signed in.
      if (user?.kind === 'citizen' && options.citizen) {
        return res.redirect(303, (await options.citizen.logoutUrl(`${publicUrl}/`)) ?? '/');
      }
      const config = await options.oidc();
      const endSession = config.serverMetadata().end_session_endpoint
        ? client.buildEndSessionUrl(config, {
            client_id: options.clientId,
            post_logout_redirect_uri: `${publicUrl}/`,
          }).href
        : '/';
      res.redirect(303, endSession);
    },
  );

  router.get('/auth/me', authorize(signedIn), (_req, res) => {
    const principal = principalOf(res);
    res.json({ user: principal.kind === 'user' ? presentSessionUser(principal.user) : undefined });
  });

  return router;
}
