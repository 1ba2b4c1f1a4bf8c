import type { Knex } from 'knex';

/** A deputy arrangement in force, with both users' usernames. */
export interface EffectiveDeputy {
  readonly absentUserId: string;
  readonly absentUsername: string;
  readonly deputyUserId: string;
  readonly deputyUsername: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly reason: string;
}

/** The deputy arrangements in force on a day (ISO yyyy-mm-dd), both ends inclusive. */
export async function effectiveDeputiesOn(knex: Knex, date: string): Promise<EffectiveDeputy[]> {
  const rows = await knex('deputy as d')
    .join('app_user as a', 'a.id', 'd.absent_user_id')
    .join('app_user as s', 's.id', 'd.deputy_user_id')
    .where('d.from_date', '<=', date)
    .where('d.to_date', '>=', date)
    .orderBy('a.username')
    .select(
      'd.absent_user_id',
      'a.username as absent_username',
      'd.deputy_user_id',
      's.username as deputy_username',
      knex.raw("to_char(d.from_date, 'YYYY-MM-DD') as from_date"),
      knex.raw("to_char(d.to_date, 'YYYY-MM-DD') as to_date"),
      'd.reason',
    );
  return rows.map((r: Record<string, string>) => ({
    absentUserId: r.absent_user_id!,
    absentUsername: r.absent_username!,
    deputyUserId: r.deputy_user_id!,
    deputyUsername: r.deputy_username!,
    fromDate: r.from_date!,
    toDate: r.to_date!,
    reason: r.reason!,
  }));
}
