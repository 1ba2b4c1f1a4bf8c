import type { Knex } from 'knex';

/** Which audit entries an admin looks for; every field narrows the search and all are optional. */
export interface AuditFilter {
  readonly actorUserId?: string;
  readonly actingForUserId?: string;
  /** Matches actions that start with it, e.g. "org_unit." for every change to units. */
  readonly actionPrefix?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  /** ISO 8601 instant with its offset (Athens or UTC), inclusive; up to microseconds, as the trail stores. */
  readonly from?: string;
  /** ISO 8601 instant with its offset, exclusive, so consecutive ranges do not overlap. */
  readonly to?: string;
}

/** One page request: entries older than the cursor (the last id of the previous page), newest first. */
export interface AuditPageRequest {
  readonly beforeId?: string;
  /** 1–200; 50 by default. */
  readonly pageSize?: number;
}

/** One entry of the audit trail as an admin sees it, with the usernames resolved. */
export interface AuditEntry {
  readonly id: string;
  /** UTC, ISO 8601 with microseconds. */
  readonly at: string;
  readonly actorUserId: string | null;
  readonly actorUsername: string | null;
  /** The third-party system that made the change through the API, when it was one. */
  readonly actorClientId: string | null;
  readonly actingForUserId: string | null;
  readonly actingForUsername: string | null;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly details: Record<string, unknown>;
  readonly sourceIp: string | null;
}

/** A page of entries and the cursor of the next, null on the last page. */
export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  readonly nextBeforeId: string | null;
}

/** A filter or page request that cannot be searched: the field at fault and a message a person can act on. */
export interface AuditSearchError {
  readonly id: 'audit_search_invalid';
  readonly field: string;
  readonly message: string;
}

/** The outcome of a search: a value, or an invalid request as a value (never thrown). */
export type AuditSearchResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AuditSearchError };

/** The largest page an admin may ask for. */
export const MAX_AUDIT_PAGE_SIZE = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const invalid = (field: string, message: string) => ({
  ok: false as const,
  error: { id: 'audit_search_invalid' as const, field, message },
});

/** Checks a filter before it reaches SQL: a malformed uuid or date would otherwise be a database error. */
export function validateAuditFilter(filter: AuditFilter): AuditSearchResult<AuditFilter> {
  for (const field of ['actorUserId', 'actingForUserId'] as const) {
    const value = filter[field];
    if (value !== undefined && !UUID.test(value)) return invalid(field, `${value} is not a user id.`);
  }
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value !== undefined && (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))))
      return invalid(
        field,
        `${value} is not an instant with its offset, such as 2026-03-02T08:00:00+02:00 or 2026-03-02T06:00:00Z.`,
      );
  }
  if (filter.from !== undefined && filter.to !== undefined && Date.parse(filter.from) >= Date.parse(filter.to))
    return invalid('to', `The end ${filter.to} is not after the start ${filter.from}.`);
  return { ok: true, value: filter };
}

/** The entries matching a validated filter, newest first, with usernames; the base query of search and export. */
export function auditQuery(knex: Knex, filter: AuditFilter): Knex.QueryBuilder {
  const query = knex('audit_entry as e')
    .leftJoin('app_user as a', 'a.id', 'e.actor_user_id')
    .leftJoin('app_user as f', 'f.id', 'e.acting_for_user_id')
    .select(
      'e.id',
      // Microseconds kept, so an entry's time can bound a search that includes or excludes exactly it.
      knex.raw(`to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`),
      'e.actor_user_id',
      'a.username as actor_username',
      'e.actor_client_id',
      'e.acting_for_user_id',
      'f.username as acting_for_username',
      'e.action',
      'e.object_type',
      'e.object_id',
      'e.details',
      'e.source_ip',
    )
    .orderBy('e.id', 'desc');
  if (filter.actorUserId !== undefined) query.where('e.actor_user_id', filter.actorUserId);
  if (filter.actingForUserId !== undefined) query.where('e.acting_for_user_id', filter.actingForUserId);
  if (filter.actionPrefix !== undefined)
    // The prefix is typed by an admin: its % and _ are literal characters, not wildcards.
    query.whereRaw("e.action like ? escape '\\'", [filter.actionPrefix.replace(/[\\%_]/g, '\\$&') + '%']);
  if (filter.objectType !== undefined) query.where('e.object_type', filter.objectType);
  if (filter.objectId !== undefined) query.where('e.object_id', filter.objectId);
  // Compared as text cast by the database: a JavaScript Date would drop the microseconds the trail records.
  if (filter.from !== undefined) query.whereRaw('e.at >= ?::timestamptz', [filter.from]);
  if (filter.to !== undefined) query.whereRaw('e.at < ?::timestamptz', [filter.to]);
  return query;
}

interface AuditEntryRow {
  id: string | number;
  at: string;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_client_id: string | null;
  acting_for_user_id: string | null;
  acting_for_username: string | null;
  action: string;
  object_type: string;
  object_id: string;
  details: Record<string, unknown> | string;
  source_ip: string | null;
}

/** Shapes a row of auditQuery as an AuditEntry. */
export function toAuditEntry(row: AuditEntryRow): AuditEntry {
  return {
    id: String(row.id),
    at: row.at,
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    actorClientId: row.actor_client_id,
    actingForUserId: row.acting_for_user_id,
    actingForUsername: row.acting_for_username,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    details: typeof row.details === 'string' ? (JSON.parse(row.details) as Record<string, unknown>) : row.details,
    sourceIp: row.source_ip,
  };
}

/**
 * One page of the audit trail for admins, newest first. Pages by id (keyset), so entries appended while an
 * admin pages do not shift the pages. Fails on a malformed filter, cursor or page size.
 */
export async function searchAudit(
  knex: Knex,
  filter: AuditFilter,
  { beforeId, pageSize = 50 }: AuditPageRequest = {},
): Promise<AuditSearchResult<AuditPage>> {
  const valid = validateAuditFilter(filter);
  if (!valid.ok) return valid;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_AUDIT_PAGE_SIZE)
    return invalid(
      'pageSize',
      `The page size must be a whole number from 1 to ${MAX_AUDIT_PAGE_SIZE}, not ${pageSize}.`,
    );
  if (beforeId !== undefined && !/^[1-9]\d{0,17}$/.test(beforeId))
    return invalid('beforeId', `${beforeId} is not a page cursor; use nextBeforeId from the previous page.`);
  const query = auditQuery(knex, filter).limit(pageSize + 1);
  if (beforeId !== undefined) query.where('e.id', '<', beforeId);
  const rows = (await query) as AuditEntryRow[];
  const entries = rows.slice(0, pageSize).map(toAuditEntry);
  return {
    ok: true,
    value: { entries, nextBeforeId: rows.length > pageSize ? entries[entries.length - 1]!.id : null },
  };
}
