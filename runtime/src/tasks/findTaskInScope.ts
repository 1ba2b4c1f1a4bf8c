import type { Knex } from 'knex';
import type { SessionUser } from '../identity/sessions.js';
import type { Role } from '../orgchart/AppUser.js';
import { failTask, taskFromRow, type Task, type TaskError, type TaskResult, type TaskRow } from './Task.js';
import { ownerReaching, taskScopeOf, TASK_ROLES, type ScopeOwner } from './taskScope.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A task the user may see, and whose work it is: theirs, or a colleague's they deputise for. */
export interface TaskInScope {
  readonly task: Task;
  readonly owner: ScopeOwner;
}

/** The not-found failure: the same for a task that does not exist and one out of the user's scope. */
export const taskNotFound = (taskId: string): { ok: false; error: TaskError } =>
  failTask('task_not_found', `There is no task ${taskId} among the tasks you may see.`);

/**
 * Reads a task if the user's scope reaches it (in a transaction, locked for the caller's update).
 * A task out of scope is not found, so that its existence is not revealed.
 */
export async function findTaskInScope(
  knex: Knex | Knex.Transaction,
  user: SessionUser,
  taskId: string,
  { forUpdate = false, roles = TASK_ROLES }: { forUpdate?: boolean; roles?: readonly Role[] } = {},
): Promise<TaskResult<TaskInScope>> {
  if (!UUID.test(taskId)) return taskNotFound(taskId);
  const query = knex('task').where({ id: taskId });
  const row = (await (forUpdate ? query.forUpdate() : query).first()) as TaskRow | undefined;
  if (!row) return taskNotFound(taskId);
  const task = taskFromRow(row);
  const owner = ownerReaching(await taskScopeOf(knex, user, roles), task);
  return owner ? { ok: true, value: { task, owner } } : taskNotFound(taskId);
}

/** A user as a task error names them: who holds or completed the task. */
export async function personOf(knex: Knex | Knex.Transaction, userId: string): Promise<NonNullable<TaskError['by']>> {
  const row = (await knex('app_user')
    .where({ id: userId })
    .first('id', 'username', 'display_name_el', 'display_name_en')) as
    { id: string; username: string; display_name_el: string; display_name_en: string } | undefined;
  return {
    userId,
    username: row?.username ?? userId,
    displayNameEl: row?.display_name_el ?? userId,
    displayNameEn: row?.display_name_en ?? userId,
  };
}
