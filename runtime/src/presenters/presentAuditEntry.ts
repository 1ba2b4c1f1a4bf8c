import type { JsonSchema } from '../http/ApiRoute.js';
import type { AuditEntry } from '../orgchart/searchAudit.js';

/** An entry of the audit trail as the API shows it. */
export const presentAuditEntry = (entry: AuditEntry) => ({
  id: entry.id,
  at: entry.at,
  actorUserId: entry.actorUserId,
  actorUsername: entry.actorUsername,
  actorClientId: entry.actorClientId,
  actingForUserId: entry.actingForUserId,
  actingForUsername: entry.actingForUsername,
  action: entry.action,
  objectType: entry.objectType,
  objectId: entry.objectId,
  details: entry.details,
  sourceIp: entry.sourceIp,
});

const nullableText = { type: ['string', 'null'] } as const;
const nullableUuid = { type: ['string', 'null'], format: 'uuid' } as const;

/** The JSON Schema of {@link presentAuditEntry}'s output. */
export const auditEntrySchema: JsonSchema = {
  type: 'object',
  required: [
    'id',
    'at',
    'actorUserId',
    'actorUsername',
    'actorClientId',
    'actingForUserId',
    'actingForUsername',
    'action',
    'objectType',
    'objectId',
    'details',
    'sourceIp',
  ],
  properties: {
    id: { type: 'string', pattern: '^[1-9][0-9]*$' },
    at: { type: 'string', description: 'UTC, ISO 8601 with microseconds.' },
    actorUserId: nullableUuid,
    actorUsername: nullableText,
    actorClientId: { ...nullableText, description: 'The third-party system that made the change, if one did.' },
    actingForUserId: { ...nullableUuid, description: 'Whom the actor acted for as their deputy.' },
    actingForUsername: nullableText,
    action: { type: 'string', description: 'e.g. org_unit.created, deputy.ended' },
    objectType: { type: 'string' },
    objectId: { type: 'string' },
    details: { type: 'object', description: 'What changed; for updates, before and after.' },
    sourceIp: nullableText,
  },
};
