import { watchEffect } from 'vue';
import { t } from '../i18n';
import type { StaffMessageKey } from '../i18n/el';

/** Keeps the document title on a page's title, in the current language. */
export function usePageTitle(key: StaffMessageKey): void {
  watchEffect(() => {
    document.title = `${t(key)} · ${t('app.staff')} · Polis`;
  });
}
