import { createI18n, rememberLanguage } from '../../../shared/i18n/createI18n';
import { servedLanguage } from '../../../shared/i18n/language';
import { el, type StaffMessageKey } from './el';
import { en } from './en';

/** The staff app's translator: starts in the language the server negotiated, remembers a switch. */
export const i18n = createI18n<StaffMessageKey>({ el, en }, servedLanguage(document), (language) =>
  rememberLanguage(language, import.meta.env.BASE_URL),
);

/** The text of a key in the current language (reactive inside templates and computeds). */
export const t = i18n.t;

type Countable =
  | 'org.matches'
  | 'people.found'
  | 'audit.shown'
  | 'inbox.shown'
  | 'inbox.newTasks'
  | 'inbox.selected'
  | 'inbox.claimed'
  | 'inbox.assigned'
  | 'task.problems';

/** A text about a number of things, singular for one: `tn('org.matches', 1)` → "Βρέθηκε 1 μονάδα". */
export function tn(key: Countable, count: number): string {
  return t(count === 1 ? `${key}.one` : `${key}.other`, { count });
}

/** A user's or unit's name in the current language. */
export function localName(item: {
  nameEl?: string;
  nameEn?: string;
  displayNameEl?: string;
  displayNameEn?: string;
}): string {
  const greek = item.nameEl ?? item.displayNameEl ?? '';
  const english = item.nameEn ?? item.displayNameEn ?? '';
  return i18n.language.value === 'en' ? english || greek : greek || english;
}

/** A yyyy-mm-dd day as the user reads it (d/m/yyyy in both languages). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return y && m && d ? `${Number(d)}/${Number(m)}/${y}` : day;
}

/** An instant in Athens time, as the user reads it. */
export function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language.value === 'el' ? 'el-GR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Athens',
  }).format(new Date(iso));
}
