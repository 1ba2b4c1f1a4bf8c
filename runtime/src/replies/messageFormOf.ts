import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';

/** The form that answers a service's message (its `messageForms`), or undefined when the service has none for it. */
export function messageFormOf(
  services: readonly ServiceDefinition[],
  serviceId: string,
  messageName: string,
): string | undefined {
  const service = services.find((s) => s.processId === serviceId);
  return service?.messageForms?.find((m) => m.messageName === messageName)?.formId;
}
