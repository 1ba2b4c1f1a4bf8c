import type { Knex } from 'knex';
import type { SessionUser } from '../identity/sessions.js';
import { reaches, unitsInScope } from '../policies/unitsInScope.js';

/**
 * Whether a member of staff may read the applications (and their attachments) of a service owned by a unit:
 * an admin, or a clerk, head of unit or manager whose scope reaches the unit. An application without an
 * owner unit is readable by admins and by staff whose grant has no unit only.
 */
export async function staffMayReadApplications(
  knex: Knex,
  user: SessionUser,
  ownerUnitId: string | null,
): Promise<boolean> {
  if (user.kind !== 'staff') return false;
  if (user.roles.some((r) => r.role === 'admin')) return true;
  const scope = await unitsInScope(knex, user, ['clerk', 'head_of_unit', 'manager']);
  return ownerUnitId === null ? scope.everywhere : reaches(scope, ownerUnitId);
}
