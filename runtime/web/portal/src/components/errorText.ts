import { ApiError } from '../../../shared/api/ApiError';
import { i18n, t } from '../i18n';

/** What to tell a citizen about a failed call: our own words for known ids, else the server's message. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `error.${error.id}`;
    if (i18n.has(key)) return t(key);
    if (error.status >= 500 || error.status === 0) return t('error.generic');
    return error.message;
  }
  return t('error.generic');
}
