import type { Knex } from 'knex';
import { toAppUser, type AppUser, type AppUserRow, type Role } from './AppUser.js';
import type { Deputy } from './Deputy.js';

/** A user's place in one unit, as seen from the user. */
export interface UserMembership {
  readonly orgUnitId: string;
  readonly position: string;
  readonly primary: boolean;
}

/** One role a user holds, with the id it is revoked by; orgUnitId null means everywhere. */
export interface UserRoleGrant {
  readonly id: string;
  readonly role: Role;
  readonly orgUnitId: string | null;
}

/** A user with their memberships and roles: what lists of people show. */
export interface UserSummary extends AppUser {
  readonly memberships: readonly UserMembership[];
  readonly roles: readonly UserRoleGrant[];
}

/** A user with the deputy arrangements in which they are the absent user or the deputy. */
export interface UserDetail extends UserSummary {
  readonly deputies: readonly Deputy[];
}

/** Adds memberships (primary first) and roles to stored users, in two queries whatever their number. */
export async function summarizeUsers(knex: Knex, rows: readonly AppUserRow[]): Promise<UserSummary[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const memberships = (await knex('membership as m')
    .join('org_unit as u', 'u.id', 'm.org_unit_id')
    .whereIn('m.user_id', ids)
    .orderBy([{ column: 'm.primary', order: 'desc' }, { column: 'u.code' }])
    .select('m.user_id', 'm.org_unit_id', 'm.position', 'm.primary')) as {
    user_id: string;
    org_unit_id: string;
    position: string;
    primary: boolean;
  }[];
  const roles = (await knex('user_role')
    .whereIn('user_id', ids)
    .orderBy(['role', 'id'])
    .select('id', 'user_id', 'role', 'org_unit_id')) as {
    id: string | number;
    user_id: string;
    role: Role;
    org_unit_id: string | null;
  }[];
  return rows.map((row) => ({
    ...toAppUser(row),
    memberships: memberships
      .filter((m) => m.user_id === row.id)
      .map((m) => ({ orgUnitId: m.org_unit_id, position: m.position, primary: m.primary })),
    roles: roles
      .filter((r) => r.user_id === row.id)
      .map((r) => ({ id: String(r.id), role: r.role, orgUnitId: r.org_unit_id })),
  }));
}
