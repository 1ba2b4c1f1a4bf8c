import type { Knex } from 'knex';
import type { SessionUser } from '../identity/sessions.js';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { actorFor } from './claimTask.js';
import { announceTaskChange } from './events/announceTaskChange.js';
import { findTaskInScope } from './findTaskInScope.js';
import { listTaskComments, type TaskComment } from './listTaskComments.js';
import { failTask, type Task, type TaskResult } from './Task.js';

/** The longest comment, in characters (the route's schema holds it to this). */
export const MAX_COMMENT_LENGTH = 4000;

/**
 * Adds a comment to a task the user may see, kept with its application and process instance. The text is stored
 * as typed (trimmed); it must not be blank. Audited on the task, for whom the user acts when it is a colleague's.
 */
export async function commentOnTask(
  knex: Knex,
  actor: Actor,
  user: SessionUser,
  taskId: string,
  text: string,
): Promise<TaskResult<TaskComment>> {
  const trimmed = text.trim();
  if (trimmed.length === 0) return failTask('comment_empty', 'Write something before sending the comment.');
  let commented: Task | undefined;
  const result = await knex.transaction(async (trx): Promise<TaskResult<TaskComment>> => {
    const found = await findTaskInScope(trx, user, taskId);
    if (!found.ok) return found;
    const { task, owner } = found.value;
    const [row] = (await trx('task_comment')
      .insert({
        task_id: task.id,
        application_id: task.applicationId,
        process_instance_key: task.processInstanceKey,
        author_user_id: user.id,
        text: trimmed,
      })
      .returning('id')) as { id: string }[];
    await appendAudit(trx, actorFor(actor, owner), {
      action: 'task.commented',
      objectType: 'task',
      objectId: task.id,
      details: { commentId: row!.id, length: trimmed.length },
    });
    commented = task;
    const [comment] = await listTaskComments(trx, task, { id: row!.id });
    return { ok: true, value: comment! };
  });
  if (result.ok && commented) announceTaskChange(knex, 'updated', commented);
  return result;
}
