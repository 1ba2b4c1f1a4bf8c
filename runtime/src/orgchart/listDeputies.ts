import type { Knex } from 'knex';
import { deputiesOf, selectDeputies, type Deputy } from './Deputy.js';

/** Which deputy arrangements to list; without a field, all of them. */
export interface DeputyQuery {
  /** Arrangements in which this user is the absent user or the deputy. */
  readonly userId?: string;
  /** Arrangements in force on this day (ISO yyyy-mm-dd, both ends inclusive). */
  readonly on?: string;
}

/** The deputy arrangements matching a query, by first day. */
export async function listDeputies(knex: Knex, { userId, on }: DeputyQuery): Promise<Deputy[]> {
  const query = selectDeputies(knex);
  if (userId !== undefined)
    query.where((w) => void w.where('d.absent_user_id', userId).orWhere('d.deputy_user_id', userId));
  if (on !== undefined) query.where('d.from_date', '<=', on).where('d.to_date', '>=', on);
  return deputiesOf(query);
}
