import { ref } from 'vue';
import type { Service } from '../api/types';
import { local } from '../i18n';
import { api } from '../session';

const services = ref<Map<string, Service>>();

/** The catalogue, loaded once, for naming the service of an application. */
export async function loadServiceTitles(): Promise<void> {
  if (services.value) return;
  try {
    services.value = new Map((await api.services()).map((s) => [s.processId, s]));
  } catch {
    // Without the catalogue, applications are still listed by their service id.
  }
}

/** The title of a service in the language shown (its id while the catalogue is unknown). */
export function serviceTitle(serviceId: string): string {
  const service = services.value?.get(serviceId);
  return service ? local(service.title) : serviceId;
}
