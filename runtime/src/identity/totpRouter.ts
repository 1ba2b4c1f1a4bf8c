import express, { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { html } from '../http/html.js';
import type { LoginRateLimiter } from './loginRateLimiter.js';
import { sendPage, tooManyAttempts, totpEnrolmentContent, type PageError } from './secondFactorPages.js';
import { authorize } from '../middlewares/authorize.js';
import { principalOf } from '../middlewares/resolvePrincipal.js';
import { hasRole } from '../policies/Policy.js';
import { confirmTotpEnrolment, mayEnrolTotp, pendingTotpSecret } from './totpEnrolment.js';
import { languageOf } from '../http/languageOf.js';
import { translator, type MessageKey } from '../i18n/index.js';

const mayEnrol = hasRole('admin', 'analyst');

const signedInUser = (res: Response) => {
  const principal = principalOf(res);
  if (principal.kind !== 'user') throw new Error('Expected the policy to admit only signed-in users.');
  return principal.user;
};

/** Where a signed-in admin or analyst turns on one-time codes of their own accord. */
export const TOTP_PAGE_PATH = '/auth/totp';

function message(req: Request, res: Response, status: number, key: MessageKey): void {
  sendPage(req, res, status, (t) => [
    t('totp.enrol.title'),
    html`<h1>${t('totp.enrol.title')}</h1>
      <p class="intro" id="totp-status">${t(key)}</p>
      <p><a href="/">${t('notFound.home')}</a></p>`,
  ]);
}

/**
 * The voluntary enrolment page at /auth/totp for signed-in admins and analysts (admins without a code are
 * enrolled at sign-in anyway). The pending secret is kept server-side in user_totp until a code confirms it;
 * the form carries the session's CSRF token, checked by the policy gate.
 */
export function totpRouter(knex: Knex, limiter: LoginRateLimiter): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '1kb' });

  const show = async (req: Request, res: Response, status = 200, error?: PageError) => {
    const user = signedInUser(res);
    if (!(await mayEnrolTotp(knex, user.id))) return message(req, res, 403, 'totp.enrol.notAllowed');
    const secret = await pendingTotpSecret(knex, { userId: user.id, sourceIp: req.ip }, user.id);
    if (!secret) return message(req, res, 200, 'totp.enrol.already');
    const action = `${TOTP_PAGE_PATH}?lang=${languageOf(req)}`;
    sendPage(req, res, status, (t) =>
      totpEnrolmentContent(t, {
        action,
        secret,
        account: user.username,
        required: false,
        error,
        csrfToken: res.locals.csrfToken as string,
      }),
    );
  };

  router.get(TOTP_PAGE_PATH, authorize(mayEnrol), (req, res) => show(req, res));

  // The form is parsed first: its _csrf field is what the policy's CSRF check reads.
  router.post(TOTP_PAGE_PATH, form, authorize(mayEnrol), async (req, res) => {
    const user = signedInUser(res);
    const attempt = { username: user.username, ip: req.ip };
    const decision = await limiter.check(attempt);
    if (!decision.allowed) {
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      const text = tooManyAttempts(translator(languageOf(req)), decision.retryAfterSeconds);
      return show(req, res, 429, { text });
    }
    const actor = { userId: user.id, sourceIp: req.ip };
    const secret = (await mayEnrolTotp(knex, user.id)) ? await pendingTotpSecret(knex, actor, user.id) : undefined;
    if (!secret) return show(req, res);
    const code = typeof req.body?.code === 'string' ? (req.body.code as string) : '';
    const confirmed = await confirmTotpEnrolment(knex, actor, {
      userId: user.id,
      secret,
      code,
    });
    if (!confirmed) {
      await limiter.recordFailure(attempt);
      return show(req, res, 422, 'totp.code.wrong');
    }
    message(req, res, 200, 'totp.enrol.done');
  });
  return router;
}
