import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import type { Role } from './AppUser.js';
import { appendAudit } from './appendAudit.js';
import { fail, type OrgResult } from './OrgResult.js';

/** A role held by a user, scoped to an org unit (and the units below it) or, with null, everywhere. */
export interface RoleGrant {
  readonly userId: string;
  readonly role: Role;
  readonly orgUnitId: string | null;
}

/**
 * Grants a role to a user and audits it, returning the grant with the id it is revoked by; granting one the
 * user already holds succeeds without a duplicate and returns the existing grant's id.
 */
export async function grantRole(
  knex: Knex,
  actor: Actor,
  input: RoleGrant,
): Promise<OrgResult<RoleGrant & { id: string }>> {
  return knex.transaction(async (trx) => {
    if (!(await trx('app_user').where({ id: input.userId }).first()))
      return fail('user_not_found', 'userId', `No user has id ${input.userId}.`);
    if (input.orgUnitId !== null && !(await trx('org_unit').where({ id: input.orgUnitId }).first()))
      return fail('org_unit_not_found', 'orgUnitId', `No org unit has id ${input.orgUnitId}.`);
    const held = (await trx('user_role')
      .where({ user_id: input.userId, role: input.role })
      .andWhere((q) =>
        input.orgUnitId === null ? q.whereNull('org_unit_id') : q.where({ org_unit_id: input.orgUnitId }),
      )
      .first('id')) as { id: string | number } | undefined;
    const [inserted] = held
      ? [held]
      : ((await trx('user_role')
          .insert({ user_id: input.userId, role: input.role, org_unit_id: input.orgUnitId })
          .returning('id')) as { id: string | number }[]);
    const id = String(inserted!.id);
    await appendAudit(trx, actor, {
      action: 'role.granted',
      objectType: 'app_user',
      objectId: input.userId,
      details: { roleId: id, role: input.role, orgUnitId: input.orgUnitId, alreadyHeld: Boolean(held) },
    });
    return { ok: true, value: { ...input, id } };
  });
}
