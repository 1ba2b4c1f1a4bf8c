import type { JsonSchema } from '../../http/ApiRoute.js';
import { API_SCOPES } from '../../identity/ApiClient.js';

/** The body of POST /api-clients. */
export const registerApiClientBody: JsonSchema = {
  type: 'object',
  required: ['name', 'scopes'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200, description: 'What the system is, e.g. "Πρωτόκολλο".' },
    scopes: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...API_SCOPES] } },
  },
};

/** The path parameters naming one client. */
export const clientIdParams: JsonSchema = {
  type: 'object',
  required: ['clientId'],
  properties: { clientId: { type: 'string', pattern: '^api-[0-9a-f-]{36}$' } },
};

/** One client as listed. */
export const apiClientSchema: JsonSchema = {
  type: 'object',
  required: ['clientId', 'name', 'scopes', 'createdAt', 'revokedAt'],
  properties: {
    clientId: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'array', items: { enum: [...API_SCOPES] } },
    createdAt: { type: 'string', format: 'date-time' },
    revokedAt: { type: ['string', 'null'], format: 'date-time' },
  },
};

/** What registration answers: the credentials, shown this once. */
export const apiClientCredentialsSchema: JsonSchema = {
  type: 'object',
  required: ['clientId', 'clientSecret', 'scopes'],
  properties: {
    clientId: { type: 'string' },
    clientSecret: { type: 'string', description: 'Shown only in this answer; store it in the system’s vault.' },
    scopes: { type: 'array', items: { enum: [...API_SCOPES] } },
  },
};
