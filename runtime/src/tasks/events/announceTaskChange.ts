import type { Knex } from 'knex';
import type { Task } from '../Task.js';
import { taskEventsOf, type TaskChangeType } from './TaskEvents.js';

/** Tells the inbox streams that a task changed; call it after the change's transaction has committed. */
export function announceTaskChange(
  knex: Knex,
  type: TaskChangeType,
  task: Pick<Task, 'id' | 'candidateGroups' | 'candidateUsers' | 'assigneeUserId'>,
  previousAssigneeUserId?: string | null,
): void {
  taskEventsOf(knex).publish({
    type,
    taskId: task.id,
    candidateGroups: task.candidateGroups,
    candidateUsers: task.candidateUsers,
    assigneeUserId: task.assigneeUserId,
    ...(previousAssigneeUserId ? { previousAssigneeUserId } : {}),
  });
}
