import { isLanguage, type Language } from './translate.js';

/**
 * Picks the page language: an explicit `?lang=`, then the `polis_lang` cookie, then the browser's
 * Accept-Language preference among Greek and English, and Greek when nothing says otherwise.
 */
export function negotiateLanguage(
  query: unknown,
  cookieHeader: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  if (isLanguage(query)) return query;
  const cookie = /(?:^|;\s*)polis_lang=([a-z]{2})/.exec(cookieHeader ?? '')?.[1];
  if (isLanguage(cookie)) return cookie;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { language: tag.toLowerCase().slice(0, 2), q: q === undefined ? 1 : Number(q) };
    })
    .filter((p) => isLanguage(p.language) && p.q > 0)
    .sort((a, b) => b.q - a.q);
  const best = preferences[0]?.language;
  return isLanguage(best) ? best : 'el';
}
