import type { JsonSchema } from './ApiRoute.js';

/** The body of every JSON error: a stable id, a message a person can act on, and the field at fault. */
export const apiErrorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['id', 'message'],
      properties: {
        id: { type: 'string', description: 'Stable identifier of the error, e.g. org_unit_code_taken.' },
        message: { type: 'string' },
        field: { type: 'string', description: 'JSON path of the input at fault, e.g. body.nameEl.' },
      },
    },
  },
};
