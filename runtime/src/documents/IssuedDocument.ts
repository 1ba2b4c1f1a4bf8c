import type { DocumentKind } from './DocumentTemplate.js';

/** A document as stored: its metadata; the bytes are in the attachment store under sha256. */
export interface IssuedDocument {
  readonly id: string;
  readonly applicationId: string;
  readonly kind: DocumentKind;
  readonly template: string;
  readonly titleEl: string;
  readonly titleEn: string;
  readonly number: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly fileName: string;
  readonly verificationCode: string;
  readonly issuedAt: Date;
}

/** A row of the document table as the database returns it. */
export interface DocumentRow {
  readonly id: string;
  readonly application_id: string;
  readonly kind: DocumentKind;
  readonly template: string;
  readonly title_el: string;
  readonly title_en: string;
  readonly document_number: string;
  readonly sha256: string;
  readonly size: string | number;
  readonly media_type: string;
  readonly file_name: string;
  readonly verification_code: string;
  readonly issued_at: Date | string;
}

/** A stored document from its row. */
export function issuedDocumentFromRow(row: DocumentRow): IssuedDocument {
  return {
    id: row.id,
    applicationId: row.application_id,
    kind: row.kind,
    template: row.template,
    titleEl: row.title_el,
    titleEn: row.title_en,
    number: row.document_number,
    sha256: row.sha256,
    size: Number(row.size),
    mediaType: row.media_type,
    fileName: row.file_name,
    verificationCode: row.verification_code,
    issuedAt: new Date(row.issued_at),
  };
}
