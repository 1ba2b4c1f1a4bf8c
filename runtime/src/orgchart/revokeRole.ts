import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import type { Role } from './AppUser.js';
import { appendAudit } from './appendAudit.js';
import type { RoleGrant } from './grantRole.js';
import { fail, type OrgResult } from './OrgResult.js';

/** Takes a role grant (by the id grantRole returned) away from a user and audits it; fails on an unknown user or grant. */
export async function revokeRole(
  knex: Knex,
  actor: Actor,
  userId: string,
  roleId: string,
): Promise<OrgResult<RoleGrant & { id: string }>> {
  return knex.transaction(async (trx) => {
    if (!(await trx('app_user').where({ id: userId }).first()))
      return fail('user_not_found', 'userId', `No user has id ${userId}.`);
    // A malformed id names no grant; checked here so that it never reaches the bigint column as an error.
    const [removed] = /^[1-9]\d{0,17}$/.test(roleId)
      ? ((await trx('user_role')
          .where({ id: roleId, user_id: userId })
          .delete()
          .returning(['role', 'org_unit_id'])) as { role: Role; org_unit_id: string | null }[])
      : [];
    if (!removed) return fail('role_not_found', 'roleId', `The user holds no role grant with id ${roleId}.`);
    const grant = { id: roleId, userId, role: removed.role, orgUnitId: removed.org_unit_id };
    await appendAudit(trx, actor, {
      action: 'role.revoked',
      objectType: 'app_user',
      objectId: userId,
      details: { roleId, role: grant.role, orgUnitId: grant.orgUnitId },
    });
    return { ok: true, value: grant };
  });
}
