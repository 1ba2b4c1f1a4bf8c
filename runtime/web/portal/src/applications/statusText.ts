import { i18n, t } from '../i18n';

/** An application's status in the words a citizen understands. */
export function statusText(status: string): string {
  const key = `status.${status}`;
  return i18n.has(key) ? t(key) : t('status.unknown');
}
