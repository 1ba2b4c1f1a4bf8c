import type { Knex } from 'knex';
import type { Role } from '../orgchart/AppUser.js';
import type { SessionUser } from '../identity/sessions.js';

/** The org units a role reaches: a set of unit ids, or every unit for a grant without a unit. */
export type UnitScope =
  { readonly everywhere: true } | { readonly everywhere: false; readonly unitIds: ReadonlySet<string> };

/**
 * The units a signed-in user may act on in any of the roles: the units of their grants and every unit below
 * them, plus, for a head of unit, the units they head and below. While they deputise for an absent colleague,
 * the colleague's grants count as theirs. A grant of the role without a unit reaches everywhere.
 */
export async function unitsInScope(knex: Knex, user: SessionUser, roles: readonly Role[]): Promise<UnitScope> {
  const userIds = [user.id, ...user.actingFor.map((a) => a.userId)];
  const grants = (await knex('user_role').whereIn('user_id', userIds).whereIn('role', roles).select('org_unit_id')) as {
    org_unit_id: string | null;
  }[];
  if (grants.some((g) => g.org_unit_id === null)) return { everywhere: true };
  const roots = grants.map((g) => g.org_unit_id!);
  if (roles.includes('head_of_unit')) {
    const headed = (await knex('org_unit').whereIn('head_user_id', userIds).select('id')) as { id: string }[];
    roots.push(...headed.map((u) => u.id));
  }
  if (roots.length === 0) return { everywhere: false, unitIds: new Set() };
  const rows = (await knex
    .withRecursive('below', (qb) => {
      void qb
        .select('id')
        .from('org_unit')
        .whereIn('id', roots)
        .union((u) => void u.select('o.id').from('org_unit as o').join('below as b', 'o.parent_id', 'b.id'));
    })
    .select('id')
    .from('below')) as { id: string }[];
  return { everywhere: false, unitIds: new Set(rows.map((r) => r.id)) };
}

/** Whether a scope reaches a unit. */
export const reaches = (scope: UnitScope, unitId: string): boolean => scope.everywhere || scope.unitIds.has(unitId);
