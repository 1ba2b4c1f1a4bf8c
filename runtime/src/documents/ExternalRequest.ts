/** A request sent to another authority (the police) on an application, and the answer recorded for it. */
export interface ExternalRequest {
  readonly requestId: string;
  readonly applicationId: string;
  readonly protocolNumber: string;
  readonly recipient: 'police';
  readonly messageName: string;
  readonly documentId: string;
  readonly documentNumber: string;
  readonly sentAt: Date;
  readonly answeredAt: Date | null;
  readonly answer: ExternalAnswer | null;
}

/** The opinion received: positive or negative, its text, and the scanned letter if one was uploaded. */
export interface ExternalAnswer {
  readonly opinion: 'positive' | 'negative';
  readonly text: string;
  readonly attachmentId?: string;
}

/** A row of external_request joined with its application and letter. */
export interface ExternalRequestRow {
  readonly id: string;
  readonly application_id: string;
  readonly protocol_number: string;
  readonly recipient: 'police';
  readonly message_name: string;
  readonly correlation_key: string;
  readonly document_id: string;
  readonly document_number: string;
  readonly owner_unit_id: string | null;
  readonly sent_at: Date | string;
  readonly answered_at: Date | string | null;
  readonly answer: ExternalAnswer | string | null;
}

/** The columns that make an ExternalRequestRow, from external_request as r, application as a, document as d. */
export const EXTERNAL_REQUEST_COLUMNS = [
  'r.id',
  'r.application_id',
  'a.protocol_number',
  'r.recipient',
  'r.message_name',
  'r.correlation_key',
  'r.document_id',
  'd.document_number',
  'a.owner_unit_id',
  'r.sent_at',
  'r.answered_at',
  'r.answer',
] as const;

/** An external request from its row. */
export function externalRequestFromRow(row: ExternalRequestRow): ExternalRequest {
  return {
    requestId: row.id,
    applicationId: row.application_id,
    protocolNumber: row.protocol_number,
    recipient: row.recipient,
    messageName: row.message_name,
    documentId: row.document_id,
    documentNumber: row.document_number,
    sentAt: new Date(row.sent_at),
    answeredAt: row.answered_at === null ? null : new Date(row.answered_at),
    answer: typeof row.answer === 'string' ? (JSON.parse(row.answer) as ExternalAnswer) : row.answer,
  };
}
