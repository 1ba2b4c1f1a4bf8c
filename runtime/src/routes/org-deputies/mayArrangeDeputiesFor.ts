import type { Knex } from 'knex';
import type { Principal } from '../../policies/Principal.js';
import { reaches, unitsInScope } from '../../policies/unitsInScope.js';

/** Whether a principal may name or end deputies for a user, and if not, why. */
export type DeputyDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/**
 * The resource check of deputy arrangements: an admin (or a system with orgchart:write, which the route's
 * policy has checked) for anyone; a head of unit, or whoever deputises for one today, for a member of a unit
 * they head or a unit below it.
 */
export async function mayArrangeDeputiesFor(
  knex: Knex,
  principal: Principal,
  absentUserId: string,
): Promise<DeputyDecision> {
  if (principal.kind === 'client') return { allowed: true };
  if (principal.kind !== 'user') return { allowed: false, reason: 'Sign in first.' };
  if (principal.user.roles.some((r) => r.role === 'admin')) return { allowed: true };
  const scope = await unitsInScope(knex, principal.user, ['head_of_unit']);
  if (!scope.everywhere && scope.unitIds.size === 0)
    return { allowed: false, reason: 'Only admins and heads of unit may arrange deputies.' };
  const units = (await knex('membership').where({ user_id: absentUserId }).pluck('org_unit_id')) as string[];
  if (units.some((unitId) => reaches(scope, unitId))) return { allowed: true };
  return {
    allowed: false,
    reason: 'A head of unit may arrange deputies only for members of the units they head or those below them.',
  };
}
