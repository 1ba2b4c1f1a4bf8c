import type { Knex } from 'knex';
import type { EngineClient } from '../engine/EngineClient.js';
import { getFormVersion } from '../forms/getFormVersion.js';
import { validateSubmission } from '../forms/validateSubmission.js';
import type { SessionUser } from '../identity/sessions.js';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { announceTaskChange } from './events/announceTaskChange.js';
import { cancelTask } from './cancelTask.js';
import { actorFor, notOpen } from './claimTask.js';
import { findTaskInScope, personOf } from './findTaskInScope.js';
import { failTask, taskFromRow, type Task, type TaskResult, type TaskRow } from './Task.js';
import { setCandidateStatus } from './taskCandidates.js';

/** A completion lock older than this belongs to a request that died; another may take the task over. */
const STALE_COMPLETION_MS = 2 * 60_000;

/** Validates the data against the task's form version; a task without a form takes any object. */
async function validated(
  knex: Knex,
  task: Task,
  data: Record<string, unknown>,
): Promise<TaskResult<Record<string, unknown>>> {
  if (task.formId === null) return { ok: true, value: data };
  const form = await getFormVersion(knex, task.formId, task.formVersion ?? undefined);
  if (!form.ok) throw new Error(`Expected the form ${task.formId} of task ${task.id} to exist: ${form.error.message}`);
  const result = validateSubmission(form.value, data);
  if (result.ok) return result;
  return failTask('task_data_invalid', 'Some fields of the form need correcting.', {
    problems: result.errors.map((e) => ({ field: `body.${e.field}`, key: e.key, message: e.message })),
  });
}

/** Takes the task's completion lock for the user; answers who holds it when someone else does. */
async function lockCompletion(knex: Knex, taskId: string, userId: string): Promise<string | undefined> {
  const taken = (await knex('task_completion')
    .insert({ task_id: taskId, user_id: userId })
    .onConflict('task_id')
    .ignore()
    .returning('task_id')) as unknown[];
  if (taken.length > 0) return undefined;
  const takenOver = (await knex('task_completion')
    .where({ task_id: taskId })
    .where('started_at', '<', new Date(Date.now() - STALE_COMPLETION_MS))
    .update({ user_id: userId, started_at: knex.fn.now() })
    .returning('task_id')) as unknown[];
  if (takenOver.length > 0) return undefined;
  const holder = (await knex('task_completion').where({ task_id: taskId }).first('user_id')) as
    { user_id: string } | undefined;
  return holder?.user_id ?? userId;
}

/**
 * Completes a task with the clerk's form data: the assignee may, and so may anyone in scope while nobody has taken
 * it (they take it and complete it at once). The data is validated against the task's form version first; invalid
 * data changes nothing. Of two clerks completing at once exactly one gets through, the other learns who did.
 * The job is completed in the engine with the validated data before the task is marked completed; a job the engine
 * no longer has means the task was cancelled meanwhile.
 */
export async function completeTask(
  knex: Knex,
  engine: EngineClient,
  actor: Actor,
  user: SessionUser,
  taskId: string,
  data: Record<string, unknown>,
): Promise<TaskResult<Task>> {
  const found = await findTaskInScope(knex, user, taskId);
  if (!found.ok) return found;
  const { task, owner } = found.value;
  if (task.status !== 'open' && task.status !== 'claimed') return notOpen(knex, task);
  const holders = [user.id, ...user.actingFor.map((a) => a.userId)];
  if (task.status === 'claimed' && !holders.includes(task.assigneeUserId!))
    return failTask('task_claimed_by_other', 'Someone else has taken the task; only they can complete it.', {
      by: await personOf(knex, task.assigneeUserId!),
    });
  const checked = await validated(knex, task, data);
  if (!checked.ok) return checked;

  // The engine call cannot sit inside a transaction (the embedded engine may share the only connection), so a
  // lock row decides which of two simultaneous completions goes on.
  const holder = await lockCompletion(knex, task.id, user.id);
  if (holder !== undefined)
    return failTask('task_already_completed', 'Someone else completed the task a moment ago.', {
      by: await personOf(knex, holder),
    });
  const current = (await knex('task').where({ id: task.id }).first()) as TaskRow;
  if (current.status !== 'open' && current.status !== 'claimed') {
    await knex('task_completion').where({ task_id: task.id, user_id: user.id }).delete();
    return notOpen(knex, taskFromRow(current));
  }
  const jobKey = String(current.job_key);
  const completed = await engine.completeJob({ jobKey, variables: checked.value });
  if (!completed.ok) {
    if (completed.error.code === 'NOT_FOUND') {
      await cancelTask(knex, task.id, jobKey);
      return failTask('task_not_active', 'The task is no longer active: its process has moved on or was cancelled.');
    }
    await knex('task_completion').where({ task_id: task.id, user_id: user.id }).delete();
    return failTask(
      'engine_unavailable',
      `The engine did not take the completion (${completed.error.code}); try again.`,
    );
  }
  const result = await knex.transaction(async (trx): Promise<TaskResult<Task>> => {
    const [row] = (await trx('task')
      .where({ id: task.id })
      .update({
        status: 'completed',
        assignee_user_id: current.assignee_user_id ?? user.id,
        claimed_at: current.claimed_at ?? trx.fn.now(),
        completed_at: trx.fn.now(),
        completed_by: user.id,
      })
      .returning('*')) as TaskRow[];
    await setCandidateStatus(trx, task.id, 'completed');
    await trx('task_lease').where({ task_id: task.id }).delete();
    // A draft is unsent work: once the task is completed there is nothing left to send.
    await trx('task_draft').where({ task_id: task.id }).delete();
    await appendAudit(trx, actorFor(actor, owner), {
      action: 'task.completed',
      objectType: 'task',
      objectId: task.id,
      details: {
        jobKey,
        formId: task.formId,
        formVersion: task.formVersion,
        claimedOnCompletion: current.assignee_user_id === null,
      },
    });
    return { ok: true, value: taskFromRow(row!) };
  });
  if (result.ok) announceTaskChange(knex, 'completed', result.value);
  return result;
}
