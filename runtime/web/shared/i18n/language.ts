/** The languages Polis speaks, Greek first (the same list as the server's i18n). */
export const LANGUAGES = ['el', 'en'] as const;

/** One language of the user interface. */
export type Language = (typeof LANGUAGES)[number];

/** Whether a value names a language Polis speaks. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language the page was served in: the server negotiates it (`?lang=`, the `polis_lang` cookie, the
 * browser's preference) and writes it into `<html lang>`, because the cookie is httpOnly and scripts cannot read it.
 */
export function servedLanguage(doc: Pick<Document, 'documentElement'> | undefined): Language {
  const lang = doc?.documentElement.lang.slice(0, 2);
  return isLanguage(lang) ? lang : 'el';
}
