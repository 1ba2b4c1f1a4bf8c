import { createI18n, rememberLanguage } from '@polis-web-shared/i18n/createI18n';
import { servedLanguage } from '@polis-web-shared/i18n/language';
import { el, type DesignerMessageKey } from './el';
import { en } from './en';

/** The designer's translator: starts in the language the server negotiated, remembers a switch. */
export const i18n = createI18n<DesignerMessageKey>({ el, en }, servedLanguage(document), (language) =>
  rememberLanguage(language, import.meta.env.BASE_URL),
);

/** The text of a key in the current language (reactive inside templates and computeds). */
export const t = i18n.t;

/** A text in both languages, in the current one. */
export function local(text: { el: string; en: string }): string {
  return i18n.language.value === 'en' ? text.en : text.el;
}

/** A person's or unit's name in the current language. */
export function localName(item: { displayNameEl?: string | null; displayNameEn?: string | null } | undefined): string {
  const greek = item?.displayNameEl ?? '';
  const english = item?.displayNameEn ?? '';
  return (i18n.language.value === 'en' ? english || greek : greek || english) || 'Polis';
}

/** An instant in Athens time, as the user reads it. */
export function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language.value === 'el' ? 'el-GR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Athens',
  }).format(new Date(iso));
}
