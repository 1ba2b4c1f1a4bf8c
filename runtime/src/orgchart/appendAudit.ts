import type { Knex } from 'knex';
import type { Actor } from './Actor.js';

/** What changed, for the audit trail. */
export interface AuditChange {
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly details?: Record<string, unknown>;
}

/** Appends one audit entry inside the caller's transaction, so it commits or rolls back with the change. */
export async function appendAudit(trx: Knex.Transaction, actor: Actor, change: AuditChange): Promise<void> {
  await auditInsert(trx, actor, change);
}

/**
 * The insert of one audit entry, not yet run: for a caller that sends it with its change in one statement (a
 * data-modifying `WITH`), where a round trip counts.
 */
export function auditInsert(trx: Knex.Transaction, actor: Actor, change: AuditChange): Knex.QueryBuilder {
  return trx('audit_entry').insert({
    actor_user_id: actor.userId ?? null,
    acting_for_user_id: actor.actingForUserId ?? null,
    actor_client_id: actor.clientId ?? null,
    action: change.action,
    object_type: change.objectType,
    object_id: change.objectId,
    details: JSON.stringify(change.details ?? {}),
    source_ip: actor.sourceIp ?? null,
  });
}
