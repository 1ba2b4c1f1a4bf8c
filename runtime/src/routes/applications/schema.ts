import type { JsonSchema } from '../../http/ApiRoute.js';
import { documentSummarySchema } from '../documents/schema.js';
import { APPLICATION_STATUSES } from '../../projections/ApplicationStatus.js';
import { replySchema } from '../replies/schema.js';

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

const statusLabelSchema = {
  type: 'object',
  required: ['el', 'en'],
  properties: { el: { type: 'string' }, en: { type: 'string' } },
} as const;

const summaryProperties = {
  applicationId: { type: 'string', format: 'uuid' },
  serviceId: { type: 'string' },
  protocolNumber: { type: 'string' },
  registeredAt: { type: 'string', format: 'date-time' },
  registeredAtText: { type: 'string' },
  status: { enum: APPLICATION_STATUSES, description: 'Where it stands, from the process’s milestones.' },
  statusLabel: statusLabelSchema,
  statusChangedAt: { type: 'string', format: 'date-time' },
  timeline: {
    type: 'array',
    description: 'The statuses it has been in, oldest first.',
    items: {
      type: 'object',
      required: ['status', 'statusLabel', 'at'],
      properties: {
        status: { enum: APPLICATION_STATUSES },
        statusLabel: statusLabelSchema,
        at: { type: 'string', format: 'date-time' },
      },
    },
  },
  awaitingReply: {
    description: 'The message the process waits for from the citizen, answered with the form formId; null when none.',
    oneOf: [
      { type: 'null' },
      {
        type: 'object',
        required: ['messageName', 'formId', 'since'],
        properties: {
          messageName: { type: 'string' },
          formId: { type: 'string' },
          since: { type: 'string', format: 'date-time' },
        },
      },
    ],
  },
  dueDate: { type: 'string', format: 'date' },
  documents: {
    type: 'array',
    description: 'The documents issued for it, oldest first: GET /documents/{documentId}/content for the PDF.',
    items: documentSummarySchema,
  },
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
    replies: {
      type: 'array',
      items: replySchema,
      description: 'The citizen’s replies to requests for more information.',
    },
  },
};
