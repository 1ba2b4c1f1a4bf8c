import type { Knex } from 'knex';

/** A stored deputy arrangement: while absentUserId is away, deputyUserId acts for them, both days inclusive. */
export interface Deputy {
  readonly id: string;
  readonly absentUserId: string;
  readonly deputyUserId: string;
  /** First day, ISO yyyy-mm-dd. */
  readonly fromDate: string;
  /** Last day, ISO yyyy-mm-dd. */
  readonly toDate: string;
  readonly reason: string;
}

interface DeputyRow {
  id: string | number;
  absent_user_id: string;
  deputy_user_id: string;
  from_date: string;
  to_date: string;
  reason: string;
}

/** The deputy table with its dates as ISO text, ordered by first day: the base of every deputy query. */
export function selectDeputies(knex: Knex): Knex.QueryBuilder {
  return knex('deputy as d')
    .select(
      'd.id',
      'd.absent_user_id',
      'd.deputy_user_id',
      // As text: a JavaScript Date would shift the calendar day by the server's time zone.
      knex.raw("to_char(d.from_date, 'YYYY-MM-DD') as from_date"),
      knex.raw("to_char(d.to_date, 'YYYY-MM-DD') as to_date"),
      'd.reason',
    )
    .orderBy([{ column: 'd.from_date' }, { column: 'd.id' }]);
}

/** Maps a row of {@link selectDeputies} to a {@link Deputy}. */
export const toDeputy = (row: DeputyRow): Deputy => ({
  id: String(row.id),
  absentUserId: row.absent_user_id,
  deputyUserId: row.deputy_user_id,
  fromDate: row.from_date,
  toDate: row.to_date,
  reason: row.reason,
});

/** Runs a deputy query built on {@link selectDeputies}. */
export async function deputiesOf(query: Knex.QueryBuilder): Promise<Deputy[]> {
  return ((await query) as DeputyRow[]).map(toDeputy);
}

/** One arrangement by id, or undefined when none has it. */
export async function findDeputy(knex: Knex, deputyId: string): Promise<Deputy | undefined> {
  if (!/^[1-9]\d{0,17}$/.test(deputyId)) return undefined;
  const [deputy] = await deputiesOf(selectDeputies(knex).where('d.id', deputyId));
  return deputy;
}
