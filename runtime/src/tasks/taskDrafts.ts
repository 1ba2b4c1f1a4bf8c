import type { Knex } from 'knex';
import type { SessionUser } from '../identity/sessions.js';
import { findTaskInScope, personOf } from './findTaskInScope.js';
import { failTask, type Task, type TaskResult } from './Task.js';

/** The assignee's unsent completion form: saved as often as they like, never validated, gone on completion. */
export interface TaskDraft {
  readonly data: Readonly<Record<string, unknown>>;
  readonly updatedAt: Date;
}

/** The largest draft, as JSON in UTF-8. */
export const MAX_DRAFT_BYTES = 256 * 1024;

/** The task if the user holds it (as its assignee, or for the assignee they deputise for); else why not. */
async function heldTask(knex: Knex, user: SessionUser, taskId: string): Promise<TaskResult<Task>> {
  const found = await findTaskInScope(knex, user, taskId);
  if (!found.ok) return found;
  const { task } = found.value;
  const holders = [user.id, ...user.actingFor.map((a) => a.userId)];
  if (task.assigneeUserId === null || !holders.includes(task.assigneeUserId))
    return failTask('task_not_assignee', 'Only the person who has taken the task keeps a draft of it; take it first.', {
      ...(task.assigneeUserId ? { by: await personOf(knex, task.assigneeUserId) } : {}),
    });
  return { ok: true, value: task };
}

type DraftRow = { data: Record<string, unknown> | string; updated_at: Date | string };
const draftFromRow = (row: DraftRow): TaskDraft => ({
  data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>,
  updatedAt: new Date(row.updated_at),
});

/** The user's draft of a task they hold, or null. */
export async function getTaskDraft(
  knex: Knex,
  user: SessionUser,
  taskId: string,
): Promise<TaskResult<TaskDraft | null>> {
  const held = await heldTask(knex, user, taskId);
  if (!held.ok) return held;
  return { ok: true, value: await readTaskDraft(knex, taskId, user.id) };
}

/** The draft a user keeps of a task, without checks (for the task view, once the caller knows they hold it). */
export async function readTaskDraft(knex: Knex, taskId: string, userId: string): Promise<TaskDraft | null> {
  const row = (await knex('task_draft').where({ task_id: taskId, user_id: userId }).first('data', 'updated_at')) as
    DraftRow | undefined;
  return row ? draftFromRow(row) : null;
}

/** Saves (replaces) the user's draft of an active task they hold. */
export async function saveTaskDraft(
  knex: Knex,
  user: SessionUser,
  taskId: string,
  data: Record<string, unknown>,
): Promise<TaskResult<TaskDraft>> {
  const json = JSON.stringify(data);
  if (Buffer.byteLength(json) > MAX_DRAFT_BYTES)
    return failTask('draft_too_large', `A draft holds at most ${MAX_DRAFT_BYTES / 1024} KB.`);
  const held = await heldTask(knex, user, taskId);
  if (!held.ok) return held;
  if (held.value.status !== 'claimed')
    return failTask('task_not_active', 'The task is no longer active: its process has moved on or was cancelled.');
  const [row] = (await knex('task_draft')
    .insert({ task_id: taskId, user_id: user.id, data: json, updated_at: knex.fn.now() })
    .onConflict(['task_id', 'user_id'])
    .merge(['data', 'updated_at'])
    .returning(['data', 'updated_at'])) as DraftRow[];
  return { ok: true, value: draftFromRow(row!) };
}

/** Throws away the user's draft of a task they hold; nothing to throw away is no failure. */
export async function deleteTaskDraft(knex: Knex, user: SessionUser, taskId: string): Promise<TaskResult<null>> {
  const held = await heldTask(knex, user, taskId);
  if (!held.ok) return held;
  await knex('task_draft').where({ task_id: taskId, user_id: user.id }).delete();
  return { ok: true, value: null };
}
