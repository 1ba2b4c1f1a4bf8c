import type { Knex } from 'knex';
import type { AppUserRow } from './AppUser.js';
import { deputiesOf, selectDeputies } from './Deputy.js';
import { fail, type OrgResult } from './OrgResult.js';
import { summarizeUsers, type UserDetail } from './UserSummary.js';

/** One user with memberships, roles and every deputy arrangement they are part of; fails on an unknown id. */
export async function getUserDetail(knex: Knex, userId: string): Promise<OrgResult<UserDetail>> {
  const row = (await knex('app_user').where({ id: userId }).first()) as AppUserRow | undefined;
  if (!row) return fail('user_not_found', 'userId', `No user has id ${userId}.`);
  const [summary] = await summarizeUsers(knex, [row]);
  const deputies = await deputiesOf(
    selectDeputies(knex).where((w) => void w.where('d.absent_user_id', userId).orWhere('d.deputy_user_id', userId)),
  );
  return { ok: true, value: { ...summary!, deputies } };
}
