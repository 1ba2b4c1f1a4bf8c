import type { Knex } from 'knex';
import type { Task } from './Task.js';
import { ofSameCase, PERSON_COLUMNS, personFromRow, type PersonColumns, type TaskPerson } from './TaskPerson.js';

/** A clerk's comment on a task, kept with the application so that the case's later tasks show it too. */
export interface TaskComment {
  readonly id: string;
  /** The task it was written on, and that task's name. */
  readonly taskId: string;
  readonly elementName: string | null;
  /** The text as typed; shown as text, never as HTML. */
  readonly text: string;
  readonly author: TaskPerson;
  readonly createdAt: Date;
}

type CommentRow = PersonColumns & {
  id: string;
  task_id: string;
  element_name: string | null;
  element_id: string;
  text: string;
  author_user_id: string;
  created_at: Date | string;
};

/** The comment of a row read by {@link listTaskComments}. */
const commentFromRow = (row: CommentRow): TaskComment => ({
  id: row.id,
  taskId: row.task_id,
  elementName: row.element_name ?? row.element_id,
  text: row.text,
  author: personFromRow(row) ?? {
    userId: row.author_user_id,
    username: row.author_user_id,
    displayNameEl: row.author_user_id,
    displayNameEn: row.author_user_id,
  },
  createdAt: new Date(row.created_at),
});

/** The comments of a task's case (its application, or its process instance), oldest first. */
export async function listTaskComments(
  knex: Knex | Knex.Transaction,
  task: Pick<Task, 'applicationId' | 'processInstanceKey'>,
  { id }: { id?: string } = {},
): Promise<TaskComment[]> {
  const query = knex('task_comment as c')
    .join('task as t', 't.id', 'c.task_id')
    .leftJoin('app_user as p', 'p.id', 'c.author_user_id')
    .select(
      'c.id',
      'c.task_id',
      't.element_name',
      't.element_id',
      'c.text',
      'c.author_user_id',
      'c.created_at',
      ...PERSON_COLUMNS,
    )
    .orderBy([
      { column: 'c.created_at', order: 'asc' },
      { column: 'c.id', order: 'asc' },
    ]);
  if (id !== undefined) void query.where('c.id', id);
  else void ofSameCase(query, 'c', task);
  return ((await query) as CommentRow[]).map(commentFromRow);
}
