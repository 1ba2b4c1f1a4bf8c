import { formatAthensDateTime } from '../../applications/formatAthensDateTime.js';
import type { ApplicationView } from '../../applications/ApplicationView.js';
import { presentReply } from '../replies/presentReply.js';
import { presentDocument } from '../documents/presentDocument.js';

/** An application as the API shows it: in a list (summary) or on its own (with data and attachments). */
export function presentApplication(view: ApplicationView, detail: boolean): Record<string, unknown> {
  const summary = {
    applicationId: view.applicationId,
    serviceId: view.serviceId,
    protocolNumber: view.protocolNumber,
    registeredAt: view.registeredAt.toISOString(),
    registeredAtText: formatAthensDateTime(view.registeredAt),
    status: view.status,
    statusLabel: view.statusLabel,
    statusChangedAt: view.statusChangedAt.toISOString(),
    timeline: view.timeline.map((e) => ({ status: e.status, statusLabel: e.statusLabel, at: e.at.toISOString() })),
    awaitingReply: view.awaitingReply,
    dueDate: view.dueDate,
    documents: view.documents.map(presentDocument),
  };
  if (!detail) return summary;
  return {
    ...summary,
    formId: view.formId,
    formVersion: view.formVersion,
    processInstanceKey: view.processInstanceKey,
    data: view.data,
    attachments: view.attachments,
    replies: view.replies.map(presentReply),
  };
}
