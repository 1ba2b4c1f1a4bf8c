import type { Knex } from 'knex';
import { formatCsv } from './formatCsv.js';
import {
  auditQuery,
  toAuditEntry,
  validateAuditFilter,
  type AuditFilter,
  type AuditSearchResult,
} from './searchAudit.js';

const HEADER = [
  'id',
  'at',
  'actor_username',
  'actor_user_id',
  'actor_client_id',
  'acting_for_username',
  'acting_for_user_id',
  'action',
  'object_type',
  'object_id',
  'source_ip',
  'details',
];

/** Rows read per query: the export walks the whole result by id without holding one huge result set. */
const BATCH_SIZE = 1000;

// A spreadsheet runs a cell that starts with one of these as a formula; a leading apostrophe keeps it text.
const neutralize = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/**
 * The audit entries matching the same filter as searchAudit, newest first, as RFC 4180 CSV with a header row,
 * for admins to open in a spreadsheet. Fails on a malformed filter.
 */
export async function exportAuditCsv(knex: Knex, filter: AuditFilter): Promise<AuditSearchResult<string>> {
  const valid = validateAuditFilter(filter);
  if (!valid.ok) return valid;
  const rows: string[][] = [HEADER];
  let beforeId: string | undefined;
  for (;;) {
    const query = auditQuery(knex, filter).limit(BATCH_SIZE);
    if (beforeId !== undefined) query.where('e.id', '<', beforeId);
    const batch = ((await query) as Parameters<typeof toAuditEntry>[0][]).map(toAuditEntry);
    for (const e of batch)
      rows.push(
        [
          e.id,
          e.at,
          e.actorUsername ?? '',
          e.actorUserId ?? '',
          e.actorClientId ?? '',
          e.actingForUsername ?? '',
          e.actingForUserId ?? '',
          e.action,
          e.objectType,
          e.objectId,
          e.sourceIp ?? '',
          JSON.stringify(e.details),
        ].map(neutralize),
      );
    if (batch.length < BATCH_SIZE) break;
    beforeId = batch[batch.length - 1]!.id;
  }
  return { ok: true, value: formatCsv(rows) };
}
