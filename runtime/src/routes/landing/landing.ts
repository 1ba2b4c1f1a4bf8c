import { Router } from 'express';
import { authorize } from '../../middlewares/authorize.js';
import { anyone } from '../../policies/Policy.js';
import { html, layout } from '../../http/html.js';
import { languageOf } from '../../http/languageOf.js';
import { translator } from '../../i18n/index.js';

const SECTIONS = [
  { href: '/portal', title: 'landing.portal.title', body: 'landing.portal.body' },
  { href: '/app', title: 'landing.staff.title', body: 'landing.staff.body' },
  { href: '/designer', title: 'landing.designer.title', body: 'landing.designer.body' },
] as const;

/** The landing page at `/`: what Polis is, and a way into each of its apps, in Greek or English. */
export function landingRouter(): Router {
  const router = Router();
  router.get('/', authorize(anyone), (req, res) => {
    const language = languageOf(req);
    const t = translator(language);
    if (req.query.lang === language) {
      res.cookie('polis_lang', language, { sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 * 1000 });
    }
    const content = html`<h1>${t('landing.title')}</h1>
      <p class="intro">${t('landing.intro')}</p>
      <ul class="cards">
        ${SECTIONS.map(
          (s) =>
            html`<li class="card">
              <h2 id="${s.href.slice(1)}-title">${t(s.title)}</h2>
              <p>${t(s.body)}</p>
              <a class="button" href="${s.href}" aria-describedby="${s.href.slice(1)}-title">${t('landing.open')}</a>
            </li>`,
        )}
      </ul>`;
    res.type('html').send(layout(t, language, t('landing.title'), '/', content));
  });
  return router;
}
