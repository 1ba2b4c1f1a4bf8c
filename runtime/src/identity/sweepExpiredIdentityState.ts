import type { Knex } from 'knex';
import { deleteExpiredOidcPayloads } from './oidc-adapter/KnexAdapter.js';

/** How many rows one sweep removed, table by table. */
export interface IdentitySweep {
  readonly oidcPayloads: number;
  readonly sessions: number;
  readonly loginAttempts: number;
}

/** Failed sign-ins older than this count for no limit (the longest window is 15 minutes); kept a day for support. */
const LOGIN_ATTEMPT_RETENTION_MS = 24 * 3600 * 1000;

const countOf = (deleted: unknown) =>
  typeof deleted === 'number' ? deleted : Number((deleted as { rowCount?: number }).rowCount ?? 0);

/**
 * Deletes what sign-on no longer needs: expired provider state, expired sessions, and failed sign-in attempts
 * older than a day. Expired rows are already ignored when read; this keeps the tables small. Safe to run from
 * several processes at once.
 */
export async function sweepExpiredIdentityState(knex: Knex, now = new Date()): Promise<IdentitySweep> {
  return {
    oidcPayloads: await deleteExpiredOidcPayloads(knex, now),
    sessions: countOf(await knex('session').where('expires_at', '<=', now).delete()),
    loginAttempts: countOf(
      await knex('login_attempt')
        .where('at', '<', new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS))
        .delete(),
    ),
  };
}
