import express, { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type Provider from 'oidc-provider';
import { html, layout } from '../http/html.js';
import { languageOf } from '../http/languageOf.js';
import { translator } from '../i18n/index.js';
import { authorize, type AuthorizeOptions } from '../middlewares/authorize.js';
import { anyone } from '../policies/Policy.js';
import { OIDC_MOUNT_PATH } from './createEmbeddedProvider.js';
import { verifyPassword } from './hashPassword.js';
import type { LoginAttempt, LoginRateLimiter } from './loginRateLimiter.js';
import {
  sendPage,
  tooManyAttempts,
  totpCodeContent,
  totpEnrolmentContent,
  type PageError,
} from './secondFactorPages.js';
import { generateTotpSecret } from './totp.js';
import { checkTotpCode, confirmTotpEnrolment, secondFactorFor } from './totpEnrolment.js';

/**
 * A password checked, a second factor still to come. It lives in the interaction's result, which oidc-provider
 * keeps server-side (oidc_payload) under the interaction's uid, bound to the browser by the interaction cookie.
 */
interface PendingSecondFactor {
  readonly accountId: string;
  readonly username: string;
  /** Set for an admin who must enrol: the secret shown on the enrolment page, kept until confirmed. */
  readonly enrolSecret?: string;
}

function pendingOf(result: unknown): PendingSecondFactor | undefined {
  const pending = (result as { polisSecondFactor?: Partial<PendingSecondFactor> } | undefined)?.polisSecondFactor;
  return typeof pending?.accountId === 'string' && typeof pending.username === 'string'
    ? (pending as PendingSecondFactor)
    : undefined;
}

function renderLogin(
  req: Request,
  res: Response,
  uid: string,
  { error, username = '', status }: { error?: PageError; username?: string; status?: number } = {},
): void {
  const language = languageOf(req);
  const t = translator(language);
  if (req.query.lang === language) {
    res.cookie('polis_lang', language, { sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 * 1000 });
  }
  const path = `${OIDC_MOUNT_PATH}/interaction/${uid}`;
  const content = html`<h1>${t('signIn.title')}</h1>
    <p class="intro">${t('signIn.intro')}</p>
    ${
      error
        ? html`<p role="alert" class="error" id="sign-in-error">
            ${typeof error === 'string' ? t(error) : error.text}
          </p>`
        : ''
    }
    <form method="post" action="${path}/login?lang=${language}">
      <p>
        <label for="username">${t('signIn.username')}</label>
        <input
          id="username"
          name="username"
          autocomplete="username"
          required
          value="${username}"
          ${error ? html`aria-describedby="sign-in-error"` : ''}
        />
      </p>
      <p>
        <label for="password">${t('signIn.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
      </p>
      <p><button type="submit">${t('signIn.submit')}</button></p>
    </form>`;
  res
    .status(status ?? (error ? 401 : 200))
    .type('html')
    .send(layout(t, language, t('signIn.title'), path, content));
}

function renderSecondFactor(
  req: Request,
  res: Response,
  uid: string,
  pending: PendingSecondFactor,
  { error, status = error ? 401 : 200 }: { error?: PageError; status?: number } = {},
): void {
  const path = `${OIDC_MOUNT_PATH}/interaction/${uid}`;
  const action = `${path}/totp?lang=${languageOf(req)}`;
  sendPage(
    req,
    res,
    status,
    (t) =>
      pending.enrolSecret
        ? totpEnrolmentContent(t, {
            action,
            secret: pending.enrolSecret,
            account: pending.username,
            required: true,
            error,
          })
        : totpCodeContent(t, action, error),
    path,
  );
}

function renderExpired(req: Request, res: Response): void {
  sendPage(req, res, 400, (t) => [
    t('identityError.title'),
    html`<h1>${t('identityError.title')}</h1>
      <p class="intro">${t('signIn.expired')}</p>
      <p><a href="/">${t('notFound.home')}</a></p>`,
  ]);
}

/**
 * The sign-in forms are posted before anyone has a session of their own; someone signed in already may sign in
 * again. They are bound to their interaction by oidc-provider's SameSite cookie and the unguessable
 * interaction id in the path, which a cross-site form cannot know: that binding, not the session's CSRF
 * token, protects them.
 */
const PROVIDER_BOUND: AuthorizeOptions = { csrf: false };

const field = (body: unknown, name: string) => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

/**
 * The embedded provider's interaction pages, in Greek or English: the sign-in form, then for admins and
 * analysts with one-time codes the code page, and for admins without one the enrolment page. Every attempt is
 * counted by the rate limiter first. Requests are bound to the interaction by oidc-provider's uid and its
 * SameSite interaction cookie, so a cross-site form post finds no interaction and is refused.
 */
export function interactionRouter(knex: Knex, provider: Provider, limiter: LoginRateLimiter): Router {
  const router = Router();
  const base = `${OIDC_MOUNT_PATH}/interaction/:uid`;
  const form = express.urlencoded({ extended: false, limit: '4kb' });

  const interactionOf = async (req: Request, res: Response) => {
    const details = await provider.interactionDetails(req, res).catch(() => undefined);
    return details && details.uid === req.params.uid ? details : undefined;
  };

  /** Answers 429 with Retry-After when the attempt is refused; true when it may proceed. */
  const mayTry = async (req: Request, res: Response, attempt: LoginAttempt, refuse: (error: PageError) => void) => {
    const decision = await limiter.check(attempt);
    if (decision.allowed) return true;
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    refuse({ text: tooManyAttempts(translator(languageOf(req)), decision.retryAfterSeconds) });
    return false;
  };

  router.get(base, authorize(anyone), async (req, res) => {
    const details = await interactionOf(req, res);
    if (!details) return renderExpired(req, res);
    const pending = pendingOf(details.result);
    if (pending) return renderSecondFactor(req, res, details.uid, pending);
    renderLogin(req, res, details.uid);
  });

  router.post(`${base}/login`, form, authorize(anyone, PROVIDER_BOUND), async (req, res) => {
    const details = await interactionOf(req, res);
    if (!details) return renderExpired(req, res);
    const username = field(req.body, 'username').trim();
    const password = field(req.body, 'password');
    const attempt: LoginAttempt = { username, ip: req.ip };
    const refuse = (error: PageError) => renderLogin(req, res, details.uid, { error, username, status: 429 });
    if (!(await mayTry(req, res, attempt, refuse))) return;
    const row = (await knex('app_user as u')
      .leftJoin('user_credential as c', 'c.user_id', 'u.id')
      .where({ 'u.username': username, 'u.active': true })
      .first('u.id', 'u.username', 'c.password_hash')) as
      { id: string; username: string; password_hash: string | null } | undefined;
    const valid = await verifyPassword(password, row?.password_hash ?? undefined);
    if (!row || !valid) {
      await limiter.recordFailure(attempt);
      return renderLogin(req, res, details.uid, { error: 'signIn.wrongCredentials', username });
    }
    const needs = await secondFactorFor(knex, row.id);
    if (needs === 'none') {
      await limiter.recordSuccess(attempt);
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: row.id, amr: ['pwd'] } },
        { mergeWithLastSubmission: false },
      );
    }
    // The username's failures are cleared only after the second factor, so that a known password does not
    // reset the count of wrong codes.
    const pending: PendingSecondFactor = {
      accountId: row.id,
      username: row.username,
      ...(needs === 'enrol' ? { enrolSecret: generateTotpSecret() } : {}),
    };
    await provider.interactionResult(req, res, { polisSecondFactor: pending }, { mergeWithLastSubmission: false });
    res.redirect(303, `${OIDC_MOUNT_PATH}/interaction/${details.uid}?lang=${languageOf(req)}`);
  });

  router.post(`${base}/totp`, form, authorize(anyone, PROVIDER_BOUND), async (req, res) => {
    const details = await interactionOf(req, res);
    const pending = pendingOf(details?.result);
    if (!details || !pending) return renderExpired(req, res);
    const attempt: LoginAttempt = { username: pending.username, ip: req.ip };
    const refuse = (error: PageError) => renderSecondFactor(req, res, details.uid, pending, { error, status: 429 });
    if (!(await mayTry(req, res, attempt, refuse))) return;
    const code = field(req.body, 'code');
    const actor = { userId: pending.accountId, sourceIp: req.ip };
    const accepted = pending.enrolSecret
      ? await confirmTotpEnrolment(knex, actor, { userId: pending.accountId, secret: pending.enrolSecret, code })
      : await checkTotpCode(knex, actor, { userId: pending.accountId, code });
    if (!accepted) {
      await limiter.recordFailure(attempt);
      return renderSecondFactor(req, res, details.uid, pending, { error: 'totp.code.wrong' });
    }
    await limiter.recordSuccess(attempt);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: pending.accountId, amr: ['pwd', 'otp'] } },
      { mergeWithLastSubmission: false },
    );
  });
  return router;
}
