import { ref, watch } from 'vue';
import { ApiError } from '../../../shared/api/ApiError';
import type { Application } from '../api/types';
import { errorText } from '../components/errorText';
import { focusHeading } from '../components/focusHeading';
import { t } from '../i18n';
import { api, session } from '../session';
import { loadServiceTitles } from './useServiceTitles';

/** Loads one of the citizen's applications once the session is known, then focuses the page's heading. */
export function useApplication(applicationId: () => string) {
  const application = ref<Application>();
  const failure = ref<string>();
  /** Reads the application again (after a reply), keeping the page as it is meanwhile. */
  async function reload(): Promise<void> {
    try {
      application.value = await api.application(applicationId());
    } catch (error) {
      failure.value = error instanceof ApiError && error.status === 404 ? t('application.notFound') : errorText(error);
    }
  }
  async function load(): Promise<void> {
    failure.value = undefined;
    await Promise.all([reload(), loadServiceTitles()]);
    await focusHeading();
  }
  watch([() => session.me, applicationId], ([me]) => (me === undefined ? undefined : void load()), { immediate: true });
  return { application, failure, reload };
}
