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
  async function load(): Promise<void> {
    failure.value = undefined;
    try {
      const [found] = await Promise.all([api.application(applicationId()), loadServiceTitles()]);
      application.value = found;
    } catch (error) {
      failure.value = error instanceof ApiError && error.status === 404 ? t('application.notFound') : errorText(error);
    }
    await focusHeading();
  }
  watch([() => session.me, applicationId], ([me]) => (me === undefined ? undefined : void load()), { immediate: true });
  return { application, failure };
}
