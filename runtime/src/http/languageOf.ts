import type { Request } from 'express';
import { negotiateLanguage, type Language } from '../i18n/index.js';

/** The language a page should be shown in for this request. */
export function languageOf(req: Request): Language {
  return negotiateLanguage(req.query.lang, req.headers.cookie, req.headers['accept-language']);
}
