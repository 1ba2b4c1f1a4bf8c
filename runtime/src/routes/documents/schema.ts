import type { JsonSchema } from '../../http/ApiRoute.js';
import { VERIFICATION_CODE_PATTERN } from '../../documents/verificationCodeOf.js';

/** The path parameters naming one document. */
export const documentIdParams: JsonSchema = {
  type: 'object',
  required: ['documentId'],
  properties: { documentId: { type: 'string', format: 'uuid' } },
};

/** The path parameters of the receipt. */
export const receiptParams: JsonSchema = {
  type: 'object',
  required: ['applicationId'],
  properties: { applicationId: { type: 'string', format: 'uuid' } },
};

/** The path parameters of a verification. */
export const verificationParams: JsonSchema = {
  type: 'object',
  required: ['code'],
  properties: {
    code: { type: 'string', pattern: VERIFICATION_CODE_PATTERN, description: 'As printed, e.g. K7QD-3MXA-PV9T.' },
  },
};

/** What a verification shows: enough to compare with the paper, nothing about the person. */
export const verificationSchema: JsonSchema = {
  type: 'object',
  required: ['title', 'protocolNumber', 'issuedAt', 'sha256'],
  additionalProperties: false,
  properties: {
    title: {
      type: 'object',
      required: ['el', 'en'],
      properties: { el: { type: 'string' }, en: { type: 'string' } },
    },
    protocolNumber: { type: 'string', description: 'The number printed on the document.' },
    issuedAt: { type: 'string', format: 'date-time' },
    sha256: { type: 'string', description: 'SHA-256 of the PDF as issued: a copy with another digest was altered.' },
  },
};

/** One document of an application, as the application view lists it. */
export const documentSummarySchema: JsonSchema = {
  type: 'object',
  required: [
    'documentId',
    'kind',
    'template',
    'fileName',
    'mediaType',
    'size',
    'sha256',
    'issuedAt',
    'verificationCode',
  ],
  properties: {
    documentId: { type: 'string', format: 'uuid' },
    kind: { enum: ['receipt', 'outcome', 'outgoing'] },
    template: { type: 'string' },
    fileName: { type: 'string' },
    mediaType: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
    issuedAt: { type: 'string', format: 'date-time' },
    verificationCode: { type: 'string' },
  },
};

/** The path parameters naming one external request. */
export const requestIdParams: JsonSchema = {
  type: 'object',
  required: ['requestId'],
  properties: { requestId: { type: 'string', format: 'uuid' } },
};

/** The query of the list of external requests. */
export const externalRequestQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: ['open', 'answered', 'all'], default: 'open' } },
};

/** The body of an answer. */
export const answerBody: JsonSchema = {
  type: 'object',
  required: ['opinion', 'text'],
  additionalProperties: false,
  properties: {
    opinion: { enum: ['positive', 'negative'] },
    text: { type: 'string', maxLength: 4000, description: 'The opinion’s remarks, as the letter states them.' },
    attachmentId: { type: 'string', format: 'uuid', description: 'The scanned letter, uploaded first.' },
  },
};

const answerSchema = {
  type: ['object', 'null'],
  properties: {
    opinion: { enum: ['positive', 'negative'] },
    text: { type: 'string' },
    attachmentId: { type: 'string', format: 'uuid' },
  },
} as const;

/** One request to another authority. */
export const externalRequestSchema: JsonSchema = {
  type: 'object',
  required: ['requestId', 'applicationId', 'protocolNumber', 'recipient', 'messageName', 'documentId', 'sentAt'],
  properties: {
    requestId: { type: 'string', format: 'uuid' },
    applicationId: { type: 'string', format: 'uuid' },
    protocolNumber: { type: 'string' },
    recipient: { enum: ['police'] },
    messageName: { type: 'string' },
    documentId: {
      type: 'string',
      format: 'uuid',
      description: 'The letter sent: GET /documents/{documentId}/content.',
    },
    documentNumber: { type: 'string' },
    sentAt: { type: 'string', format: 'date-time' },
    answeredAt: { type: ['string', 'null'], format: 'date-time' },
    answer: answerSchema,
  },
};
