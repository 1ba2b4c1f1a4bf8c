import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import { appendAudit } from './appendAudit.js';
import { fail, type OrgResult } from './OrgResult.js';

/** A user's place in an org unit. */
export interface Membership {
  readonly userId: string;
  readonly orgUnitId: string;
  readonly position: string;
  /** The unit a user belongs to first; a user has at most one. */
  readonly primary: boolean;
}

/**
 * Makes a user a member of an org unit with a position (or changes an existing membership) and audits it;
 * a new primary membership demotes the user's previous one. Fails on an unknown user or unit.
 */
export async function assignMembership(knex: Knex, actor: Actor, input: Membership): Promise<OrgResult<Membership>> {
  return knex.transaction(async (trx) => {
    if (!(await trx('app_user').where({ id: input.userId }).first()))
      return fail('user_not_found', 'userId', `No user has id ${input.userId}.`);
    if (!(await trx('org_unit').where({ id: input.orgUnitId }).first()))
      return fail('org_unit_not_found', 'orgUnitId', `No org unit has id ${input.orgUnitId}.`);
    if (input.primary)
      await trx('membership')
        .where({ user_id: input.userId, primary: true })
        .whereNot({ org_unit_id: input.orgUnitId })
        .update({ primary: false });
    await trx('membership')
      .insert({ user_id: input.userId, org_unit_id: input.orgUnitId, position: input.position, primary: input.primary })
      .onConflict(['user_id', 'org_unit_id'])
      .merge(['position', 'primary']);
    await appendAudit(trx, actor, {
      action: 'membership.assigned',
      objectType: 'app_user',
      objectId: input.userId,
      details: { orgUnitId: input.orgUnitId, position: input.position, primary: input.primary },
    });
    return { ok: true, value: input };
  });
}
