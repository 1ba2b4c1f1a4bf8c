import type { Knex } from 'knex';
import type { AppUserRow } from './AppUser.js';
import { fail, type OrgResult } from './OrgResult.js';
import { summarizeUsers, type UserSummary } from './UserSummary.js';

/** Which users to list; every field narrows the list and all are optional. */
export interface UserQuery {
  /** Part of a username, a display name (Greek or English) or an email, case-insensitive. */
  readonly q?: string;
  /** Members of this unit or of any unit below it. */
  readonly unitId?: string;
  readonly kind?: 'staff' | 'citizen';
  /** 50 by default. */
  readonly limit?: number;
  readonly offset?: number;
}

/** A page of users by username, and how many match in all. */
export interface UserPage {
  readonly users: UserSummary[];
  readonly total: number;
}

/** The users matching a query, by username, with their memberships and roles; fails on an unknown unit. */
export async function listUsers(knex: Knex, query: UserQuery): Promise<OrgResult<UserPage>> {
  const { q, unitId, kind, limit = 50, offset = 0 } = query;
  if (unitId !== undefined && !(await knex('org_unit').where({ id: unitId }).first()))
    return fail('org_unit_not_found', 'unitId', `No org unit has id ${unitId}.`);
  const matching = knex('app_user as u');
  if (kind !== undefined) matching.where('u.kind', kind);
  if (q !== undefined && q.trim() !== '') {
    // What a person types: % and _ are literal characters, not wildcards.
    const pattern = `%${q.trim().replace(/[\\%_]/g, '\\$&')}%`;
    matching.where((w) => {
      for (const column of ['u.username', 'u.display_name_el', 'u.display_name_en', 'u.email'])
        void w.orWhereRaw(`${column} ilike ? escape '\\'`, [pattern]);
    });
  }
  if (unitId !== undefined)
    matching.whereRaw(
      `u.id in (
         with recursive below as (
           select id from org_unit where id = ?
           union select o.id from org_unit o join below b on o.parent_id = b.id
         )
         select m.user_id from membership m join below on below.id = m.org_unit_id
       )`,
      [unitId],
    );
  const [{ total }] = (await matching.clone().count({ total: '*' })) as [{ total: string | number }];
  const rows = (await matching.orderBy('u.username').limit(limit).offset(offset).select('u.*')) as AppUserRow[];
  return { ok: true, value: { users: await summarizeUsers(knex, rows), total: Number(total) } };
}
