import type { Knex } from 'knex';

/** A person's saved inbox view: a name and the query of GET /tasks it stands for. */
export interface TaskFilter {
  readonly id: string;
  readonly name: string;
  readonly query: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

/** Why a saved filter could not be saved or deleted. */
export interface TaskFilterError {
  readonly id: 'task_filter_name_taken' | 'task_filter_not_found';
  readonly message: string;
}

/** What the saved-filter commands return: the value, or an expected failure. */
export type TaskFilterResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TaskFilterError };

type FilterRow = { id: string; name: string; query: Record<string, unknown> | string; created_at: Date | string };
const filterFromRow = (row: FilterRow): TaskFilter => ({
  id: row.id,
  name: row.name,
  query: (typeof row.query === 'string' ? JSON.parse(row.query) : row.query) as Record<string, unknown>,
  createdAt: new Date(row.created_at),
});

/** The user's saved filters, by name. */
export async function listTaskFilters(knex: Knex, userId: string): Promise<TaskFilter[]> {
  const rows = (await knex('task_filter')
    .where({ user_id: userId })
    .orderBy([
      { column: 'name', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .select('id', 'name', 'query', 'created_at')) as FilterRow[];
  return rows.map(filterFromRow);
}

/** Saves a filter under a name the user has not used yet; the query is validated by the caller. */
export async function saveTaskFilter(
  knex: Knex,
  userId: string,
  name: string,
  query: Record<string, unknown>,
): Promise<TaskFilterResult<TaskFilter>> {
  const trimmed = name.trim();
  const rows = (await knex('task_filter')
    .insert({ user_id: userId, name: trimmed, query: JSON.stringify(query) })
    .onConflict(['user_id', 'name'])
    .ignore()
    .returning(['id', 'name', 'query', 'created_at'])) as FilterRow[];
  if (rows.length === 0)
    return {
      ok: false,
      error: { id: 'task_filter_name_taken', message: `You already have a filter named “${trimmed}”.` },
    };
  return { ok: true, value: filterFromRow(rows[0]!) };
}

/** Deletes one of the user's saved filters; another person's is not found. */
export async function deleteTaskFilter(knex: Knex, userId: string, filterId: string): Promise<TaskFilterResult<null>> {
  const deleted = (await knex('task_filter')
    .where({ id: filterId, user_id: userId })
    .delete()
    .returning('id')) as unknown[];
  if (deleted.length === 0)
    return { ok: false, error: { id: 'task_filter_not_found', message: `You have no saved filter ${filterId}.` } };
  return { ok: true, value: null };
}
