import type { Knex } from 'knex';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { failApiClient, type ApiClientResult } from './ApiClient.js';

/**
 * Revokes a third-party system: it gets no new tokens, and the access token verifier refuses the ones it holds.
 * Audited ('api_client.revoked'); revoking a revoked client succeeds and keeps the first revocation time.
 */
export async function revokeApiClient(
  knex: Knex,
  actor: Actor,
  clientId: string,
): Promise<ApiClientResult<{ clientId: string; revokedAt: Date }>> {
  return knex.transaction(async (trx) => {
    const row = (await trx('api_client').where({ client_id: clientId }).forUpdate().first('revoked_at')) as
      { revoked_at: Date | null } | undefined;
    if (!row) return failApiClient('api_client_not_found', 'clientId', `No api client has id ${clientId}.`);
    const revokedAt = row.revoked_at ? new Date(row.revoked_at) : new Date();
    if (!row.revoked_at) await trx('api_client').where({ client_id: clientId }).update({ revoked_at: revokedAt });
    await appendAudit(trx, actor, {
      action: 'api_client.revoked',
      objectType: 'api_client',
      objectId: clientId,
      details: { alreadyRevoked: Boolean(row.revoked_at) },
    });
    return { ok: true, value: { clientId, revokedAt } };
  });
}
