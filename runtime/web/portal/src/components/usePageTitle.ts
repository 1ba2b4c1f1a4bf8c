import { watchEffect } from 'vue';
import { t } from '../i18n';

/** Keeps the document title on a page's title (a function, for titles built from data), in the current language. */
export function usePageTitle(title: () => string): void {
  watchEffect(() => {
    document.title = `${title()} · ${t('municipality.name')}`;
  });
}
