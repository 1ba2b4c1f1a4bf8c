import { computed, reactive } from 'vue';
import { createApiClient } from '../../../shared/api/createApiClient';
import { localName } from '../i18n';
import { session, signIn } from '../session';
import { tasksApi } from './tasksApi';

/** The task API of this session. */
export const tasks = tasksApi(
  createApiClient({ base: '/api/v1', csrfToken: () => session.me?.csrfToken, onUnauthorized: signIn }),
  () => session.me?.csrfToken,
);

/** Whether the user may assign tasks to others (heads of unit and managers; the server checks which tasks). */
export const mayAssign = computed(
  () => session.me?.user.roles.some((r) => r.role === 'head_of_unit' || r.role === 'manager') ?? false,
);

/** The e-services' titles by process id, loaded once: the inbox names a task's process by its service. */
export const processTitles = reactive<{ byId: Record<string, { el: string; en: string }>; loaded: boolean }>({
  byId: {},
  loaded: false,
});

/** Loads the e-services' titles (GET /services) once; a failure leaves the process ids to show. */
export async function loadProcessTitles(): Promise<void> {
  if (processTitles.loaded) return;
  try {
    const response = await fetch('/api/v1/services', { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const { services } = (await response.json()) as {
      services: { processId: string; title: { el: string; en: string } }[];
    };
    for (const service of services) processTitles.byId[service.processId] = service.title;
    processTitles.loaded = true;
  } catch {
    // The ids are shown instead.
  }
}

/** The title of a process's e-service in the current language, or its id. */
export function processTitle(processId: string): string {
  const title = processTitles.byId[processId];
  return title ? localName({ nameEl: title.el, nameEn: title.en }) : processId;
}
