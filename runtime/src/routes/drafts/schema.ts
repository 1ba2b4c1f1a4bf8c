import type { JsonSchema } from '../../http/ApiRoute.js';

/** The body of PUT /services/:serviceId/draft. */
export const saveDraftBody: JsonSchema = {
  type: 'object',
  required: ['formId', 'formVersion', 'data'],
  additionalProperties: false,
  properties: {
    formId: { type: 'string', minLength: 1, maxLength: 200, description: 'The form being filled in.' },
    formVersion: { type: 'integer', minimum: 1, description: 'Its version: a draft of an older one may not fit.' },
    data: {
      type: 'object',
      description: 'What is filled in so far, as it is (not validated; at most 256 KB of JSON).',
    },
  },
};

const draftSchema: JsonSchema = {
  type: 'object',
  required: ['serviceId', 'formId', 'formVersion', 'data', 'savedAt'],
  properties: {
    serviceId: { type: 'string' },
    formId: { type: 'string' },
    formVersion: { type: 'integer' },
    data: { type: 'object' },
    savedAt: { type: 'string', format: 'date-time' },
  },
};

/** A draft, or null when there is none. */
export const draftReplySchema: JsonSchema = {
  type: 'object',
  required: ['draft'],
  properties: { draft: { oneOf: [{ type: 'null' }, draftSchema] } },
};
