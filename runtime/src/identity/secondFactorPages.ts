import type { Request, Response } from 'express';
import { html, layout, type SafeHtml } from '../http/html.js';
import { languageOf } from '../http/languageOf.js';
import { translator, type MessageKey, type Translate } from '../i18n/index.js';
import { formatTotpSecret, otpauthUri } from './totp.js';

/** The issuer name authenticator apps show next to the account. */
export const TOTP_ISSUER = 'Polis';

/** The minutes to show for a wait of some seconds: never "0 minutes". */
export const minutesOf = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** The bilingual "try again in N minutes" text. */
export const tooManyAttempts = (t: Translate, retryAfterSeconds: number) =>
  t('signIn.tooManyAttempts').replace('{minutes}', String(minutesOf(retryAfterSeconds)));

/** A problem to show above a form: a message key, or a text already translated. */
export type PageError = MessageKey | { readonly text: string };

/** Renders a page in the request's language with the shared layout. */
export function sendPage(
  req: Request,
  res: Response,
  status: number,
  render: (t: Translate) => [title: string, content: SafeHtml],
  path = req.path,
): void {
  const language = languageOf(req);
  const t = translator(language);
  const [title, content] = render(t);
  res
    .status(status)
    .type('html')
    .send(layout(t, language, title, path, content));
}

const errorText = (t: Translate, error: PageError) => (typeof error === 'string' ? t(error) : error.text);

const errorBlock = (t: Translate, error: PageError | undefined) =>
  error ? html`<p role="alert" class="error" id="totp-error">${errorText(t, error)}</p>` : '';

const codeField = (t: Translate, error: PageError | undefined) =>
  html`<p>
    <label for="totp-code">${t('totp.code.label')}</label>
    <input
      id="totp-code"
      name="code"
      type="text"
      inputmode="numeric"
      autocomplete="one-time-code"
      pattern="[0-9 ]{6,7}"
      maxlength="7"
      required
      autofocus
      ${error ? html`aria-describedby="totp-error"` : ''}
    />
  </p>`;

/** What the enrolment page shows. */
export interface EnrolmentPage {
  readonly action: string;
  readonly secret: string;
  readonly account: string;
  /** True at sign-in, where an admin cannot go on without it; false on the voluntary page. */
  readonly required: boolean;
  readonly error?: PageError | undefined;
  /** The session's CSRF token, on the voluntary page (a signed-in session posts it). */
  readonly csrfToken?: string | undefined;
}

/** The enrolment page: the key as text in groups of four, the otpauth:// link, and a field for the first code. */
export function totpEnrolmentContent(t: Translate, page: EnrolmentPage): [string, SafeHtml] {
  const uri = otpauthUri({ issuer: TOTP_ISSUER, account: page.account, secret: page.secret });
  return [
    t('totp.enrol.title'),
    html`<h1>${t('totp.enrol.title')}</h1>
      <p class="intro">${t(page.required ? 'totp.enrol.required' : 'totp.enrol.voluntary')}</p>
      <p>${t('totp.enrol.steps')}</p>
      ${errorBlock(t, page.error)}
      <p>
        ${t('totp.enrol.secret')}:
        <code id="totp-secret" data-secret="${page.secret}">${formatTotpSecret(page.secret)}</code>
      </p>
      <p><a id="totp-uri" href="${uri}">${t('totp.enrol.link')}</a></p>
      <form method="post" action="${page.action}">
        ${page.csrfToken ? html`<input type="hidden" name="_csrf" value="${page.csrfToken}" />` : ''}
        ${codeField(t, page.error)}
        <p><button type="submit">${t('totp.enrol.submit')}</button></p>
      </form>`,
  ];
}

/** The page that asks an enrolled user for the current code. */
export function totpCodeContent(t: Translate, action: string, error?: PageError): [string, SafeHtml] {
  return [
    t('totp.code.title'),
    html`<h1>${t('totp.code.title')}</h1>
      <p class="intro">${t('totp.code.intro')}</p>
      ${errorBlock(t, error)}
      <form method="post" action="${action}">
        ${codeField(t, error)}
        <p><button type="submit">${t('totp.code.submit')}</button></p>
      </form>`,
  ];
}
