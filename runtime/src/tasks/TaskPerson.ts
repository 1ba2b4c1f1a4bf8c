import type { Knex } from 'knex';

/** A member of staff as the task API names them: author, assignee, who completed or linked something. */
export interface TaskPerson {
  readonly userId: string;
  readonly username: string;
  readonly displayNameEl: string;
  readonly displayNameEn: string;
}

/** The rows of a query joined to app_user as `p`, as persons: select these columns. */
export const PERSON_COLUMNS = [
  'p.id as person_id',
  'p.username as person_username',
  'p.display_name_el as person_display_name_el',
  'p.display_name_en as person_display_name_en',
] as const;

/** The person columns of a row selected with {@link PERSON_COLUMNS}. */
export interface PersonColumns {
  person_id: string | null;
  person_username: string | null;
  person_display_name_el: string | null;
  person_display_name_en: string | null;
}

/** The person of a row selected with {@link PERSON_COLUMNS}, or null when the join found nobody. */
export function personFromRow(row: PersonColumns): TaskPerson | null {
  if (row.person_id === null) return null;
  return {
    userId: row.person_id,
    username: row.person_username ?? row.person_id,
    displayNameEl: row.person_display_name_el ?? row.person_id,
    displayNameEn: row.person_display_name_en ?? row.person_id,
  };
}

/** Narrows a query to the rows kept with a task's case: its application (any instance) or its process instance. */
export function ofSameCase(
  query: Knex.QueryBuilder,
  alias: string,
  task: { readonly applicationId: string | null; readonly processInstanceKey: string },
): Knex.QueryBuilder {
  return query.where((q) => {
    void q.where(`${alias}.process_instance_key`, task.processInstanceKey);
    if (task.applicationId !== null) void q.orWhere(`${alias}.application_id`, task.applicationId);
  });
}
