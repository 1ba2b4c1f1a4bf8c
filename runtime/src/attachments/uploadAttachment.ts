import type { Knex } from 'knex';
import type { Readable } from 'node:stream';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import type { AttachmentStore } from './AttachmentStore.js';
import { ATTACHMENT_MEDIA_TYPES, detectMediaType, type AttachmentMediaType } from './detectMediaType.js';

/** An uploaded attachment's metadata. */
export interface Attachment {
  readonly id: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: AttachmentMediaType;
  readonly originalName: string;
  readonly createdAt: Date;
}

/** Why an upload was refused. */
export type UploadError =
  | { readonly id: 'attachment_too_large'; readonly maxBytes: number }
  | { readonly id: 'attachment_type_not_allowed'; readonly allowed: readonly string[]; readonly detected?: string };

/** What an upload gives. */
export type UploadResult =
  { readonly ok: true; readonly value: Attachment } | { readonly ok: false; readonly error: UploadError };

/** What is uploaded. */
export interface AttachmentUpload {
  readonly content: Readable;
  /** The declared media type (Content-Type); must be allowed and agree with the content's magic bytes. */
  readonly declaredType: string | undefined;
  readonly originalName: string;
  /** The declared length (Content-Length), refused before reading when it is already over the limit. */
  readonly declaredLength?: number | undefined;
  readonly uploadedBy: string;
}

const allowed = (type: string | undefined): type is AttachmentMediaType =>
  (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(type ?? '');

/**
 * Stores an uploaded file as an attachment not yet linked to an application: refuses it when it is larger
 * than maxBytes or is not a PDF, JPEG or PNG by its magic bytes (whatever was declared), stores identical
 * content once, and records its metadata with an audit entry.
 */
export async function uploadAttachment(
  knex: Knex,
  actor: Actor,
  store: AttachmentStore,
  upload: AttachmentUpload,
  maxBytes: number,
): Promise<UploadResult> {
  const declared = upload.declaredType?.split(';')[0]?.trim().toLowerCase();
  if (!allowed(declared)) {
    upload.content.resume();
    return { ok: false, error: { id: 'attachment_type_not_allowed', allowed: ATTACHMENT_MEDIA_TYPES } };
  }
  if (upload.declaredLength !== undefined && upload.declaredLength > maxBytes) {
    upload.content.resume();
    return { ok: false, error: { id: 'attachment_too_large', maxBytes } };
  }
  const staged = await store.receive(upload.content, maxBytes);
  if (staged === 'too_large') return { ok: false, error: { id: 'attachment_too_large', maxBytes } };
  const detected = detectMediaType(staged.head);
  if (detected !== declared) {
    await staged.discard();
    return {
      ok: false,
      error: { id: 'attachment_type_not_allowed', allowed: ATTACHMENT_MEDIA_TYPES, ...(detected ? { detected } : {}) },
    };
  }
  await staged.commit();
  const row = await knex.transaction(async (trx) => {
    const [inserted] = (await trx('attachment')
      .insert({
        sha256: staged.sha256,
        size: staged.size,
        media_type: detected,
        original_name: upload.originalName,
        uploaded_by: upload.uploadedBy,
      })
      .returning(['id', 'created_at'])) as { id: string; created_at: Date }[];
    await appendAudit(trx, actor, {
      action: 'attachment.uploaded',
      objectType: 'attachment',
      objectId: inserted!.id,
      details: { sha256: staged.sha256, size: staged.size, mediaType: detected },
    });
    return inserted!;
  });
  return {
    ok: true,
    value: {
      id: row.id,
      sha256: staged.sha256,
      size: staged.size,
      mediaType: detected,
      originalName: upload.originalName,
      createdAt: new Date(row.created_at),
    },
  };
}
