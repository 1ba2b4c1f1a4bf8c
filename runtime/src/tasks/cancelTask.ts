import type { Knex } from 'knex';
import { systemActor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { announceTaskChange } from './events/announceTaskChange.js';
import type { TaskRow } from './Task.js';
import { setCandidateStatus } from './taskCandidates.js';

/**
 * Marks a task cancelled because the engine no longer knows its job (the instance was cancelled, or an interrupting
 * boundary event ended the task), with its audit entry. Does nothing to a task already completed or cancelled.
 */
export async function cancelTask(knex: Knex, taskId: string, jobKey: string): Promise<boolean> {
  const cancelled = await knex.transaction(async (trx) => {
    const [changed] = (await trx('task')
      .where({ id: taskId, job_key: jobKey })
      .whereIn('status', ['open', 'claimed'])
      .update({ status: 'cancelled', cancelled_at: trx.fn.now() })
      .returning(['candidate_groups', 'candidate_users', 'assignee_user_id'])) as Pick<
      TaskRow,
      'candidate_groups' | 'candidate_users' | 'assignee_user_id'
    >[];
    if (!changed) return undefined;
    await setCandidateStatus(trx, taskId, 'cancelled');
    await trx('task_lease').where({ task_id: taskId }).delete();
    await trx('task_completion').where({ task_id: taskId }).delete();
    await appendAudit(trx, systemActor, {
      action: 'task.cancelled',
      objectType: 'task',
      objectId: taskId,
      details: { jobKey, reason: 'The engine no longer has the task’s job.' },
    });
    return changed;
  });
  if (!cancelled) return false;
  announceTaskChange(knex, 'cancelled', {
    id: taskId,
    candidateGroups: cancelled.candidate_groups,
    candidateUsers: cancelled.candidate_users,
    assigneeUserId: cancelled.assignee_user_id,
  });
  return true;
}
