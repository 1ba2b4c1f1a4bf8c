import type { IssuedDocument } from '../../documents/IssuedDocument.js';
import type { ExternalRequest } from '../../documents/ExternalRequest.js';

/** A document as an application's view lists it. */
export function presentDocument(d: IssuedDocument): Record<string, unknown> {
  return {
    documentId: d.id,
    kind: d.kind,
    template: d.template,
    fileName: d.fileName,
    mediaType: d.mediaType,
    size: d.size,
    sha256: d.sha256,
    issuedAt: d.issuedAt.toISOString(),
    verificationCode: d.verificationCode,
  };
}

/** An external request as the API shows it. */
export function presentExternalRequest(r: ExternalRequest): Record<string, unknown> {
  return {
    requestId: r.requestId,
    applicationId: r.applicationId,
    protocolNumber: r.protocolNumber,
    recipient: r.recipient,
    messageName: r.messageName,
    documentId: r.documentId,
    documentNumber: r.documentNumber,
    sentAt: r.sentAt.toISOString(),
    answeredAt: r.answeredAt?.toISOString() ?? null,
    answer: r.answer,
  };
}
