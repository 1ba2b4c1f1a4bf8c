import type { Knex } from 'knex';
import { toAppUser, type AppUser, type AppUserRow } from './AppUser.js';

/** The users named to act for an absent user on a day (ISO yyyy-mm-dd); empty when nobody deputises. */
export async function whoActsFor(knex: Knex, userId: string, date: string): Promise<AppUser[]> {
  const rows = (await knex('deputy as d')
    .join('app_user as u', 'u.id', 'd.deputy_user_id')
    .where('d.absent_user_id', userId)
    .where('d.from_date', '<=', date)
    .where('d.to_date', '>=', date)
    .orderBy('u.username')
    .select('u.*')) as AppUserRow[];
  return rows.map(toAppUser);
}
