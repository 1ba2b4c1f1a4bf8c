import type { JsonSchema } from '../../http/ApiRoute.js';

/** The body of POST /applications. */
export const submitApplicationBody: JsonSchema = {
  type: 'object',
  required: ['serviceId', 'data'],
  additionalProperties: false,
  properties: {
    serviceId: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'The e-service, e-g. "permanent-residence-certificate".',
    },
    data: {
      type: 'object',
      description: 'The filled-in form, validated against the latest version of the service’s form.',
    },
  },
};

/** The path parameters naming one application. */
export const applicationIdParams: JsonSchema = {
  type: 'object',
  required: ['applicationId'],
  properties: { applicationId: { type: 'string', format: 'uuid' } },
};

/** The receipt of a registered application (βεβαίωση καταχώρισης). */
export const receiptSchema: JsonSchema = {
  type: 'object',
  required: ['applicationId', 'protocolNumber', 'registeredAt', 'registeredAtText', 'dueDate', 'receipt'],
  properties: {
    applicationId: { type: 'string', format: 'uuid' },
    protocolNumber: { type: 'string', description: 'e.g. ΕΙΣ-2026/004512: per year, without gaps.' },
    registeredAt: { type: 'string', format: 'date-time' },
    registeredAtText: { type: 'string', description: 'The registration time in Athens, e.g. 14-03-2026 10:42.' },
    dueDate: { type: 'string', format: 'date', description: 'When the municipality expects to have answered.' },
    receipt: { type: 'string', description: 'The receipt as a sentence, in the request’s language.' },
  },
};

const summaryProperties = {
  applicationId: { type: 'string', format: 'uuid' },
  serviceId: { type: 'string' },
  protocolNumber: { type: 'string' },
  registeredAt: { type: 'string', format: 'date-time' },
  registeredAtText: { type: 'string' },
  status: { enum: ['submitted', 'in_progress'] },
  dueDate: { type: 'string', format: 'date' },
} as const;

/** One application in a citizen's list. */
export const applicationSummarySchema: JsonSchema = {
  type: 'object',
  required: Object.keys(summaryProperties),
  properties: summaryProperties,
};

/** One application with its data and attachments. */
export const applicationSchema: JsonSchema = {
  type: 'object',
  required: [...Object.keys(summaryProperties), 'formId', 'formVersion', 'data', 'attachments'],
  properties: {
    ...summaryProperties,
    formId: { type: 'string' },
    formVersion: { type: 'integer' },
    processInstanceKey: { type: ['string', 'null'] },
    data: { type: 'object' },
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          originalName: { type: 'string' },
          mediaType: { type: 'string' },
          size: { type: 'integer' },
        },
      },
    },
  },
};
