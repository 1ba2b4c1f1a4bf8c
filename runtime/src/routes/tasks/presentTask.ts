import type { Knex } from 'knex';
import type { Task } from '../../tasks/Task.js';

type Person = { userId: string; username: string; displayNameEl: string; displayNameEn: string };

/** The people tasks name (assignees, who completed them), by id, in one query. */
export async function peopleOf(knex: Knex, tasks: readonly Task[]): Promise<Map<string, Person>> {
  const ids = [...new Set(tasks.flatMap((t) => [t.assigneeUserId, t.completedBy]).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const rows = (await knex('app_user')
    .whereIn('id', ids)
    .select('id', 'username', 'display_name_el', 'display_name_en')) as {
    id: string;
    username: string;
    display_name_el: string;
    display_name_en: string;
  }[];
  return new Map(
    rows.map((r) => [
      r.id,
      { userId: r.id, username: r.username, displayNameEl: r.display_name_el, displayNameEn: r.display_name_en },
    ]),
  );
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A task as the API shows it: without its variables (those come with the task alone). */
export function presentTask(task: Task, people: ReadonlyMap<string, Person>) {
  return {
    id: task.id,
    status: task.status,
    processId: task.processId,
    processVersion: task.processVersion,
    processInstanceKey: task.processInstanceKey,
    elementId: task.elementId,
    name: task.elementName ?? task.elementId,
    formId: task.formId,
    formVersion: task.formVersion,
    candidateGroups: task.candidateGroups,
    candidateUsers: task.candidateUsers,
    assignee: task.assigneeUserId ? (people.get(task.assigneeUserId) ?? null) : null,
    dueDate: iso(task.dueDate),
    followUpDate: iso(task.followUpDate),
    priority: task.priority,
    applicationId: task.applicationId,
    protocolNumber: task.protocolNumber,
    citizenName: task.citizenName,
    createdAt: task.createdAt.toISOString(),
    claimedAt: iso(task.claimedAt),
    completedAt: iso(task.completedAt),
    completedBy: task.completedBy ? (people.get(task.completedBy) ?? null) : null,
  };
}
