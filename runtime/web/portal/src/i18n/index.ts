import { createI18n, rememberLanguage } from '../../../shared/i18n/createI18n';
import { servedLanguage } from '../../../shared/i18n/language';
import { el, type PortalMessageKey } from './el';
import { en } from './en';

/** The portal's translator: starts in the language the server negotiated, remembers a switch. */
export const i18n = createI18n<PortalMessageKey>({ el, en }, servedLanguage(document), (language) =>
  rememberLanguage(language, import.meta.env.BASE_URL),
);

/** The text of a key in the current language (reactive inside templates and computeds). */
export const t = i18n.t;

type Countable = 'catalogue.found' | 'apply.errors' | 'duration.days';

/** A text about a number of things, singular for one. */
export function tn(key: Countable, count: number): string {
  return t(count === 1 ? `${key}.one` : `${key}.other`, { count });
}

/** A text the server gives in both languages, in the current one. */
export function local(text: { el: string; en: string } | undefined): string {
  if (!text) return '';
  return i18n.language.value === 'en' ? text.en || text.el : text.el || text.en;
}

/** A yyyy-mm-dd day as citizens read it (d/m/yyyy). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return y && m && d ? `${Number(d)}/${Number(m)}/${y}` : day;
}

/** A moment (ISO 8601) as citizens read it, in Athens time: 14/3/2026, 10:42. */
export function formatMoment(iso: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return new Intl.DateTimeFormat(i18n.language.value === 'en' ? 'en-GB' : 'el-GR', {
    timeZone: 'Europe/Athens',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(moment);
}
