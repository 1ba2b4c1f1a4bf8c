import type { JsonSchema } from '../../http/ApiRoute.js';
import { ATTACHMENT_MEDIA_TYPES } from '../../attachments/detectMediaType.js';

/** The path parameters naming one attachment. */
export const attachmentIdParams: JsonSchema = {
  type: 'object',
  required: ['attachmentId'],
  properties: { attachmentId: { type: 'string', format: 'uuid' } },
};

/** An uploaded attachment, as the upload answers it. */
export const attachmentSchema: JsonSchema = {
  type: 'object',
  required: ['attachmentId', 'sha256', 'size', 'mediaType', 'originalName', 'createdAt'],
  properties: {
    attachmentId: { type: 'string', format: 'uuid', description: 'Put it in the form’s file field to attach it.' },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    size: { type: 'integer' },
    mediaType: { enum: [...ATTACHMENT_MEDIA_TYPES] },
    originalName: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
  },
};
