import type { Knex } from 'knex';
import type { SessionUser } from '../identity/sessions.js';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { announceTaskChange } from './events/announceTaskChange.js';
import { findTaskInScope, personOf } from './findTaskInScope.js';
import { failTask, taskFromRow, type Task, type TaskError, type TaskResult, type TaskRow } from './Task.js';
import { setCandidateStatus } from './taskCandidates.js';
import type { ScopeOwner } from './taskScope.js';

/** The actor of a task command: when the task is a deputised colleague's work, the audit says for whom. */
export const actorFor = (actor: Actor, owner: ScopeOwner): Actor =>
  owner.actingFor ? { ...actor, actingForUserId: owner.userId } : actor;

/** Why a task that is not open cannot be taken, as a failure value. */
export async function notOpen(knex: Knex | Knex.Transaction, task: Task): Promise<{ ok: false; error: TaskError }> {
  if (task.status === 'completed')
    return failTask('task_already_completed', 'The task has already been completed.', {
      ...(task.completedBy ? { by: await personOf(knex, task.completedBy) } : {}),
    });
  if (task.status === 'cancelled')
    return failTask('task_not_active', 'The task is no longer active: its process has moved on or was cancelled.');
  return failTask('task_already_claimed', 'Someone else has already taken the task.', {
    ...(task.assigneeUserId ? { by: await personOf(knex, task.assigneeUserId) } : {}),
  });
}

/**
 * Takes an open task for the user, if their scope (their units and below, and those of colleagues they deputise
 * for) reaches it. Taking a task one already holds changes nothing.
 */
export async function claimTask(
  knex: Knex,
  actor: Actor,
  user: SessionUser,
  taskId: string,
): Promise<TaskResult<Task>> {
  const result = await knex.transaction(async (trx): Promise<TaskResult<Task>> => {
    const found = await findTaskInScope(trx, user, taskId, { forUpdate: true });
    if (!found.ok) return found;
    const { task, owner } = found.value;
    if (task.status === 'claimed' && task.assigneeUserId === user.id) return { ok: true, value: task };
    if (task.status !== 'open') return notOpen(trx, task);
    const [row] = (await trx('task')
      .where({ id: task.id })
      .update({ status: 'claimed', assignee_user_id: user.id, claimed_at: trx.fn.now() })
      .returning('*')) as TaskRow[];
    await setCandidateStatus(trx, task.id, 'claimed');
    await appendAudit(trx, actorFor(actor, owner), {
      action: 'task.claimed',
      objectType: 'task',
      objectId: task.id,
      details: { processId: task.processId, elementId: task.elementId },
    });
    return { ok: true, value: taskFromRow(row!) };
  });
  if (result.ok) announceTaskChange(knex, 'updated', result.value);
  return result;
}
