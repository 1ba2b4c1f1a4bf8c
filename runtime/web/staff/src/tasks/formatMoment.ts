import { i18n } from '../i18n';

/** An instant in Athens time to the minute, as a clerk scans it in a list (d/m/yy, hh:mm). */
export function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language.value === 'el' ? 'el-GR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Athens',
  }).format(new Date(iso));
}
