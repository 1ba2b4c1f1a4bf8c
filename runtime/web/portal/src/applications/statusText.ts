import type { Bilingual } from '../api/types';
import { i18n, local, t } from '../i18n';

/** An application's status in the words a citizen understands: the service's label when the server gives one. */
export function statusText(status: string, label?: Bilingual): string {
  if (label && (label.el || label.en)) return local(label);
  const key = `status.${status}`;
  return i18n.has(key) ? t(key) : t('status.unknown');
}
