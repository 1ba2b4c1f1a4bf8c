import type { Knex } from 'knex';
import type { SessionUser } from '../identity/sessions.js';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { announceTaskChange } from './events/announceTaskChange.js';
import { actorFor, notOpen } from './claimTask.js';
import { findTaskInScope, personOf } from './findTaskInScope.js';
import { failTask, taskFromRow, type Task, type TaskResult, type TaskRow } from './Task.js';
import { setCandidateStatus } from './taskCandidates.js';

/** Gives a claimed task back to its candidates; only its assignee (or whoever deputises for them) may. */
export async function unclaimTask(
  knex: Knex,
  actor: Actor,
  user: SessionUser,
  taskId: string,
): Promise<TaskResult<Task>> {
  let previous: string | null = null;
  const result = await knex.transaction(async (trx): Promise<TaskResult<Task>> => {
    const found = await findTaskInScope(trx, user, taskId, { forUpdate: true });
    if (!found.ok) return found;
    const { task, owner } = found.value;
    if (task.status === 'open') return failTask('task_not_claimed', 'Nobody has taken the task.');
    if (task.status !== 'claimed') return notOpen(trx, task);
    const holder = [user.id, ...user.actingFor.map((a) => a.userId)].find((id) => id === task.assigneeUserId);
    if (!holder)
      return failTask('task_claimed_by_other', 'Only the person who took the task can give it back.', {
        by: await personOf(trx, task.assigneeUserId!),
      });
    previous = task.assigneeUserId;
    const [row] = (await trx('task')
      .where({ id: task.id })
      .update({ status: 'open', assignee_user_id: null, claimed_at: null })
      .returning('*')) as TaskRow[];
    await setCandidateStatus(trx, task.id, 'open');
    const acting = holder === user.id ? actorFor(actor, owner) : { ...actor, actingForUserId: holder };
    await appendAudit(trx, acting, {
      action: 'task.unclaimed',
      objectType: 'task',
      objectId: task.id,
      details: { previousAssigneeUserId: task.assigneeUserId },
    });
    return { ok: true, value: taskFromRow(row!) };
  });
  if (result.ok) announceTaskChange(knex, 'updated', result.value, previous);
  return result;
}
