import type { Knex } from 'knex';
import { findReadableAttachment } from '../attachments/findReadableAttachment.js';
import type { SessionUser } from '../identity/sessions.js';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { actorFor } from './claimTask.js';
import { announceTaskChange } from './events/announceTaskChange.js';
import { findTaskInScope } from './findTaskInScope.js';
import { listTaskAttachments, type TaskAttachment } from './listTaskAttachments.js';
import { failTask, type Task, type TaskResult } from './Task.js';

/**
 * Links an uploaded file the user may read to a task they may see, so that it shows with the task's case and
 * everyone who may see the case may download it. Linking it again changes nothing (`linked: false`).
 */
export async function linkTaskAttachment(
  knex: Knex,
  actor: Actor,
  user: SessionUser,
  taskId: string,
  attachmentId: string,
): Promise<TaskResult<{ attachment: TaskAttachment; linked: boolean }>> {
  let changed: Task | undefined;
  const result = await knex.transaction(
    async (trx): Promise<TaskResult<{ attachment: TaskAttachment; linked: boolean }>> => {
      const found = await findTaskInScope(trx, user, taskId);
      if (!found.ok) return found;
      const { task, owner } = found.value;
      if (!(await findReadableAttachment(trx, user, attachmentId)))
        return failTask('attachment_not_found', `There is no attachment ${attachmentId} among those you may read.`);
      const inserted = (await trx('task_attachment')
        .insert({
          task_id: task.id,
          attachment_id: attachmentId,
          application_id: task.applicationId,
          process_instance_key: task.processInstanceKey,
          linked_by: user.id,
        })
        .onConflict(['task_id', 'attachment_id'])
        .ignore()
        .returning('attachment_id')) as unknown[];
      if (inserted.length > 0) {
        await appendAudit(trx, actorFor(actor, owner), {
          action: 'task.attachment_linked',
          objectType: 'task',
          objectId: task.id,
          details: { attachmentId },
        });
        changed = task;
      }
      const attachment = (await listTaskAttachments(trx, task)).find((a) => a.attachmentId === attachmentId);
      if (!attachment) throw new Error(`Expected attachment ${attachmentId} to be listed with task ${task.id}`);
      return { ok: true, value: { attachment, linked: inserted.length > 0 } };
    },
  );
  if (changed) announceTaskChange(knex, 'updated', changed);
  return result;
}
