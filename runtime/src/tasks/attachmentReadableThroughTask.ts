import type { Knex } from 'knex';
import type { SessionUser } from '../identity/sessions.js';
import { ownerReaching, taskScopeOf } from './taskScope.js';

/** How many of the tasks an attachment belongs to are looked at; a case has a handful. */
const TASKS_LOOKED_AT = 100;

/**
 * Whether a member of staff may read an attachment because they may see a task of its case: a task it is linked
 * to, a task of the same application or process instance as such a task, or a task of the application it was
 * uploaded for.
 */
export async function attachmentReadableThroughTask(
  knex: Knex | Knex.Transaction,
  user: SessionUser,
  attachmentId: string,
  applicationId: string | null,
): Promise<boolean> {
  if (user.kind !== 'staff') return false;
  const links = knex('task_attachment').where({ attachment_id: attachmentId });
  const tasks = (await knex('task')
    .where((q) => {
      void q
        .whereIn('process_instance_key', links.clone().select('process_instance_key'))
        .orWhereIn('application_id', links.clone().whereNotNull('application_id').select('application_id'));
      if (applicationId !== null) void q.orWhere('application_id', applicationId);
    })
    .limit(TASKS_LOOKED_AT)
    .select('candidate_groups', 'candidate_users', 'assignee_user_id')) as {
    candidate_groups: string[];
    candidate_users: string[];
    assignee_user_id: string | null;
  }[];
  if (tasks.length === 0) return false;
  const scope = await taskScopeOf(knex as Knex, user);
  return tasks.some((t) =>
    ownerReaching(scope, {
      candidateGroups: t.candidate_groups,
      candidateUsers: t.candidate_users,
      assigneeUserId: t.assignee_user_id,
    }),
  );
}
