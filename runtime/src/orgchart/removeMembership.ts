import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import { appendAudit } from './appendAudit.js';
import type { Membership } from './assignMembership.js';
import { fail, type OrgResult } from './OrgResult.js';

/**
 * Ends a user's membership of an org unit and audits what it was; removing a primary membership leaves the
 * user without one until another is made primary. Fails on an unknown user or unit, or when there is no
 * such membership.
 */
export async function removeMembership(
  knex: Knex,
  actor: Actor,
  userId: string,
  orgUnitId: string,
): Promise<OrgResult<Membership>> {
  return knex.transaction(async (trx) => {
    if (!(await trx('app_user').where({ id: userId }).first()))
      return fail('user_not_found', 'userId', `No user has id ${userId}.`);
    const unit = (await trx('org_unit').where({ id: orgUnitId }).first('code')) as { code: string } | undefined;
    if (!unit) return fail('org_unit_not_found', 'orgUnitId', `No org unit has id ${orgUnitId}.`);
    const [removed] = (await trx('membership')
      .where({ user_id: userId, org_unit_id: orgUnitId })
      .delete()
      .returning(['position', 'primary'])) as { position: string; primary: boolean }[];
    if (!removed)
      return fail('membership_not_found', 'orgUnitId', `The user is not a member of the unit ${unit.code}.`);
    const membership = { userId, orgUnitId, position: removed.position, primary: removed.primary };
    await appendAudit(trx, actor, {
      action: 'membership.removed',
      objectType: 'app_user',
      objectId: userId,
      details: { orgUnitId, position: removed.position, primary: removed.primary },
    });
    return { ok: true, value: membership };
  });
}
