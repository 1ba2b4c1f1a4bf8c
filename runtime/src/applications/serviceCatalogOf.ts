import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';
import type { EService, ServiceCatalog } from './ServiceCatalog.js';

/** The catalog submissions use, over the e-service definitions loaded from process-definitions/. */
export function serviceCatalogOf(services: readonly ServiceDefinition[]): ServiceCatalog {
  const byId = new Map<string, EService>(
    services.map((s) => [
      s.processId,
      {
        serviceId: s.processId,
        processId: s.processId,
        startFormId: s.startFormId,
        expectedWorkingDays: s.expectedDuration.workingDays,
        ...(s.expectedDuration.byVariable ? { workingDaysByValue: s.expectedDuration.byVariable } : {}),
        ownerUnitCode: s.ownerUnit,
      },
    ]),
  );
  return { find: (serviceId) => byId.get(serviceId) };
}
