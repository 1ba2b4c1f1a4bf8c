import type { Knex } from 'knex';
import type { AttachmentStore } from '../../attachments/AttachmentStore.js';
import { ATTACHMENT_MEDIA_TYPES } from '../../attachments/detectMediaType.js';
import { findReadableAttachment } from '../../attachments/findReadableAttachment.js';
import { uploadAttachment } from '../../attachments/uploadAttachment.js';
import { apiError, defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import { translator } from '../../i18n/index.js';
import { signedIn } from '../../policies/Policy.js';
import { attachmentIdParams, attachmentSchema } from './schema.js';

/** What the attachment routes need; without `attachments` (no store configured) they answer 503. */
export interface AttachmentRouteDependencies {
  readonly knex: Knex;
  readonly attachments?: { readonly store: AttachmentStore; readonly maxBytes: number } | undefined;
}

/** The uploaded file's name from X-Filename (percent-encoded UTF-8), made safe to store and send back. */
function originalNameOf(header: string | undefined, mediaType: string | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(header ?? '');
  } catch {
    name = header ?? '';
  }
  // Control characters and path separators become underscores: the name is only ever a label.
  name = [...name]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '/' || c === '\\' ? '_' : c))
    .join('')
    .trim()
    .slice(0, 255);
  const extension = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[mediaType ?? ''] ?? 'bin';
  return name === '' || name === '.' || name === '..' ? `attachment.${extension}` : name;
}

const notFound = () => apiError(404, 'attachment_not_found', 'There is no such attachment.', 'params.attachmentId');

/** Signed-in people upload attachments (before submitting the application that names them) and read them back. */
export function attachmentRoutes({ knex, attachments }: AttachmentRouteDependencies): ApiRoute[] {
  return [
    defineApiRoute({
      method: 'post',
      path: '/attachments',
      operationId: 'uploadAttachment',
      summary:
        'Upload a file (the body as is, with its Content-Type and an X-Filename header, percent-encoded UTF-8): PDF, JPEG or PNG, checked by content, 10 MB unless configured otherwise',
      tag: 'attachments',
      policy: signedIn,
      rawBody: { types: ATTACHMENT_MEDIA_TYPES },
      responses: {
        201: { description: 'Stored; not yet part of an application.', schema: attachmentSchema },
        413: { description: 'Larger than the limit (attachment_too_large).' },
        415: { description: 'Not a PDF, JPEG or PNG by its content (attachment_type_not_allowed).' },
        503: { description: 'No attachment store is configured on this server.' },
      },
      async handle({ principal, actor, req }) {
        const t = translator(languageOf(req));
        if (!attachments) {
          req.resume();
          return apiError(503, 'attachments_not_configured', t('attachment.notConfigured'));
        }
        if (principal.kind !== 'user') throw new Error('Expected a signed-in person, but the policy let another in');
        const length = req.get('content-length');
        const result = await uploadAttachment(
          knex,
          actor,
          attachments.store,
          {
            content: req,
            declaredType: req.get('content-type'),
            declaredLength: length === undefined ? undefined : Number(length),
            originalName: originalNameOf(req.get('x-filename'), req.get('content-type')?.split(';')[0]),
            uploadedBy: principal.user.id,
          },
          attachments.maxBytes,
        );
        if (!result.ok) {
          const { error } = result;
          if (error.id === 'attachment_too_large') {
            const limit = String(Math.floor(error.maxBytes / (1024 * 1024)));
            return {
              status: 413,
              json: {
                error: {
                  id: error.id,
                  message: t('attachment.tooLarge').replace('{limit}', limit),
                  field: 'body',
                  maxBytes: error.maxBytes,
                },
              },
            };
          }
          return {
            status: 415,
            json: {
              error: {
                id: error.id,
                message: t('attachment.typeNotAllowed'),
                field: 'body',
                allowed: error.allowed,
                ...(error.detected ? { detected: error.detected } : {}),
              },
            },
          };
        }
        const a = result.value;
        return {
          status: 201,
          json: {
            attachmentId: a.id,
            sha256: a.sha256,
            size: a.size,
            mediaType: a.mediaType,
            originalName: a.originalName,
            createdAt: a.createdAt.toISOString(),
          },
        };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { attachmentId: string }>({
      method: 'get',
      path: '/attachments/:attachmentId',
      operationId: 'downloadAttachment',
      summary:
        'Download an attachment: for the person who uploaded it and staff who may read its application; 404 for anyone else',
      tag: 'attachments',
      policy: signedIn,
      params: attachmentIdParams,
      responses: {
        200: {
          description: 'The file, as an attachment with its original name.',
          contentType: 'application/octet-stream',
        },
        404: { description: 'There is no such attachment, or it is not yours to see.' },
      },
      async handle({ params, principal }) {
        if (principal.kind !== 'user' || !attachments) return notFound();
        const found = await findReadableAttachment(knex, principal.user, params.attachmentId);
        if (!found) return notFound();
        return {
          status: 200,
          stream: attachments.store.open(found.sha256),
          contentType: found.mediaType,
          filename: found.originalName,
          length: found.size,
        };
      },
    }),
  ];
}
