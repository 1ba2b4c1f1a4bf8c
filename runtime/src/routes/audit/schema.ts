import type { JsonSchema } from '../../http/ApiRoute.js';
import { MAX_AUDIT_PAGE_SIZE } from '../../orgchart/searchAudit.js';
import { auditEntrySchema } from '../../presenters/presentAuditEntry.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const instant = {
  type: 'string',
  description: 'An instant with its offset, e.g. 2026-03-02T08:00:00+02:00 or 2026-03-02T06:00:00Z.',
} as const;

const filterProperties = {
  actorUserId: { ...uuid, description: 'Entries of changes this user made.' },
  actingForUserId: { ...uuid, description: 'Entries of changes made while deputising for this user.' },
  actionPrefix: { type: 'string', maxLength: 100, description: 'e.g. org_unit. for every change to units.' },
  objectType: { type: 'string', maxLength: 100, description: 'e.g. org_unit, app_user, deputy.' },
  objectId: { type: 'string', maxLength: 100 },
  from: { ...instant, description: `${instant.description} Inclusive.` },
  to: { ...instant, description: `${instant.description} Exclusive.` },
} as const;

/** GET /audit/export.csv: the filter. */
export const auditFilterQuerySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: filterProperties,
};

/** GET /audit: the filter and the page. */
export const auditSearchQuerySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...filterProperties,
    beforeId: { type: 'string', description: 'The nextBeforeId of the previous page.' },
    pageSize: { type: 'integer', minimum: 1, maximum: MAX_AUDIT_PAGE_SIZE, default: 50 },
  },
};

/** The answer of GET /audit. */
export const auditPageSchema: JsonSchema = {
  type: 'object',
  required: ['entries', 'nextBeforeId'],
  properties: {
    entries: { type: 'array', description: 'Newest first.', items: auditEntrySchema },
    nextBeforeId: { type: ['string', 'null'], description: 'The cursor of the next page; null on the last.' },
  },
};
