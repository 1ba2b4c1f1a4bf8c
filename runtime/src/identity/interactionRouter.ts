import express, { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type Provider from 'oidc-provider';
import { html, layout } from '../http/html.js';
import { languageOf } from '../http/languageOf.js';
import { translator, type MessageKey } from '../i18n/index.js';
import { OIDC_MOUNT_PATH } from './createEmbeddedProvider.js';
import { verifyPassword } from './hashPassword.js';

function renderLogin(req: Request, res: Response, uid: string, error?: MessageKey, username = ''): void {
  const language = languageOf(req);
  const t = translator(language);
  if (req.query.lang === language) {
    res.cookie('polis_lang', language, { sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 * 1000 });
  }
  const path = `${OIDC_MOUNT_PATH}/interaction/${uid}`;
  const content = html`<h1>${t('signIn.title')}</h1>
    <p class="intro">${t('signIn.intro')}</p>
    ${error ? html`<p role="alert" class="error" id="sign-in-error">${t(error)}</p>` : ''}
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
    .status(error ? 401 : 200)
    .type('html')
    .send(layout(t, language, t('signIn.title'), path, content));
}

function renderExpired(req: Request, res: Response): void {
  const language = languageOf(req);
  const t = translator(language);
  const content = html`<h1>${t('identityError.title')}</h1>
    <p class="intro">${t('signIn.expired')}</p>
    <p><a href="/">${t('notFound.home')}</a></p>`;
  res
    .status(400)
    .type('html')
    .send(layout(t, language, t('identityError.title'), req.path, content));
}

/**
 * The embedded provider's interaction pages: a sign-in form in Greek or English. Requests are bound to the
 * interaction by oidc-provider's uid and its SameSite interaction cookie, so a cross-site form post finds no
 * interaction and is refused.
 */
export function interactionRouter(knex: Knex, provider: Provider): Router {
  const router = Router();
  const base = `${OIDC_MOUNT_PATH}/interaction/:uid`;

  router.get(base, async (req, res) => {
    const details = await provider.interactionDetails(req, res).catch(() => undefined);
    if (!details || details.uid !== req.params.uid) return renderExpired(req, res);
    renderLogin(req, res, details.uid);
  });

  router.post(`${base}/login`, express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const details = await provider.interactionDetails(req, res).catch(() => undefined);
    if (!details || details.uid !== req.params.uid) return renderExpired(req, res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const row = (await knex('app_user as u')
      .leftJoin('user_credential as c', 'c.user_id', 'u.id')
      .where({ 'u.username': username, 'u.active': true })
      .first('u.id', 'c.password_hash')) as { id: string; password_hash: string | null } | undefined;
    const valid = await verifyPassword(password, row?.password_hash ?? undefined);
    if (!row || !valid) return renderLogin(req, res, details.uid, 'signIn.wrongCredentials', username);
    await provider.interactionFinished(req, res, { login: { accountId: row.id } }, { mergeWithLastSubmission: false });
  });
  return router;
}
