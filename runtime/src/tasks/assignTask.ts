import type { Knex } from 'knex';
import type { SessionUser } from '../identity/sessions.js';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { announceTaskChange } from './events/announceTaskChange.js';
import { actorFor, notOpen } from './claimTask.js';
import { findTaskInScope } from './findTaskInScope.js';
import { failTask, taskFromRow, type Task, type TaskResult, type TaskRow } from './Task.js';
import { setCandidateStatus } from './taskCandidates.js';
import { ASSIGNING_ROLES, ownerReaching, taskScopeOf } from './taskScope.js';

/**
 * Gives an active task to a member of staff whose scope reaches it. Only a head of unit or manager whose units
 * reach one of the task's candidate units may; the others who can see the task are refused, the rest get not found.
 */
export async function assignTask(
  knex: Knex,
  actor: Actor,
  user: SessionUser,
  taskId: string,
  assigneeUserId: string,
): Promise<TaskResult<Task>> {
  let previous: string | null = null;
  const result = await knex.transaction(async (trx): Promise<TaskResult<Task>> => {
    const found = await findTaskInScope(trx, user, taskId, { forUpdate: true, roles: ASSIGNING_ROLES });
    if (!found.ok) {
      const visible = await findTaskInScope(trx, user, taskId);
      return visible.ok
        ? failTask('task_assign_forbidden', 'Only a head of unit or a manager of the task’s unit can assign it.')
        : found;
    }
    const { task, owner } = found.value;
    if (task.status !== 'open' && task.status !== 'claimed') return notOpen(trx, task);
    const assignee = (await trx('app_user')
      .where({ id: assigneeUserId, kind: 'staff', active: true })
      .first('id', 'username', 'display_name_el', 'display_name_en')) as
      { id: string; username: string; display_name_el: string; display_name_en: string } | undefined;
    if (!assignee) return failTask('assignee_not_found', `There is no active member of staff ${assigneeUserId}.`);
    const assigneeScope = await taskScopeOf(trx, {
      id: assignee.id,
      username: assignee.username,
      displayNameEl: assignee.display_name_el,
      displayNameEn: assignee.display_name_en,
      kind: 'staff',
      roles: [],
      actingFor: [],
    });
    if (!ownerReaching(assigneeScope, { ...task, assigneeUserId: null }))
      return failTask('assignee_out_of_scope', `${assignee.username} does not work in a unit the task is for.`);
    if (task.status === 'claimed' && task.assigneeUserId === assignee.id) return { ok: true, value: task };
    previous = task.assigneeUserId;
    const [row] = (await trx('task')
      .where({ id: task.id })
      .update({ status: 'claimed', assignee_user_id: assignee.id, claimed_at: trx.fn.now() })
      .returning('*')) as TaskRow[];
    await setCandidateStatus(trx, task.id, 'claimed');
    await appendAudit(trx, actorFor(actor, owner), {
      action: 'task.assigned',
      objectType: 'task',
      objectId: task.id,
      details: { assigneeUserId: assignee.id, previousAssigneeUserId: task.assigneeUserId },
    });
    return { ok: true, value: taskFromRow(row!) };
  });
  if (result.ok) announceTaskChange(knex, 'updated', result.value, previous);
  return result;
}
