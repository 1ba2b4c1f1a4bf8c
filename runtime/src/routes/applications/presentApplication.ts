import { formatAthensDateTime } from '../../applications/formatAthensDateTime.js';
import type { ApplicationView } from '../../applications/ApplicationView.js';

/** An application as the API shows it: in a list (summary) or on its own (with data and attachments). */
export function presentApplication(view: ApplicationView, detail: boolean): Record<string, unknown> {
  const summary = {
    applicationId: view.applicationId,
    serviceId: view.serviceId,
    protocolNumber: view.protocolNumber,
    registeredAt: view.registeredAt.toISOString(),
    registeredAtText: formatAthensDateTime(view.registeredAt),
    status: view.status,
    dueDate: view.dueDate,
  };
  if (!detail) return summary;
  return {
    ...summary,
    formId: view.formId,
    formVersion: view.formVersion,
    processInstanceKey: view.processInstanceKey,
    data: view.data,
    attachments: view.attachments,
  };
}
