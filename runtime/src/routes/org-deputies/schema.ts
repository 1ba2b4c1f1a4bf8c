import type { JsonSchema } from '../../http/ApiRoute.js';
import { deputySchema } from '../../presenters/presentDeputy.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' } as const;

/** The path of one arrangement. */
export const deputyParamsSchema: JsonSchema = {
  type: 'object',
  required: ['deputyId'],
  properties: { deputyId: { type: 'string', pattern: '^[1-9][0-9]{0,17}$' } },
};

/** GET /org/deputies. */
export const listDeputiesQuerySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    userId: { ...uuid, description: 'Arrangements in which this user is the absent user or the deputy.' },
    on: { ...isoDate, description: 'Arrangements in force on this day (yyyy-mm-dd).' },
  },
};

/** POST /org/deputies. */
export const setDeputyBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['absentUserId', 'deputyUserId', 'fromDate', 'toDate', 'reason'],
  properties: {
    absentUserId: uuid,
    deputyUserId: uuid,
    fromDate: { ...isoDate, description: 'First day of the absence, yyyy-mm-dd, inclusive.' },
    toDate: { ...isoDate, description: 'Last day of the absence, yyyy-mm-dd, inclusive.' },
    reason: { type: 'string', minLength: 1, maxLength: 500, description: 'e.g. Κανονική άδεια' },
  },
};

/** The answer of GET /org/deputies. */
export const deputyListSchema: JsonSchema = {
  type: 'object',
  required: ['deputies'],
  properties: { deputies: { type: 'array', items: deputySchema } },
};

/** The answer of POST /org/deputies. */
export const deputyResponseSchema: JsonSchema = {
  type: 'object',
  required: ['deputy'],
  properties: { deputy: deputySchema },
};
