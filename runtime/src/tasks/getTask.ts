import type { Knex } from 'knex';
import type { FormVersion } from '../forms/FormVersion.js';
import { getFormVersion } from '../forms/getFormVersion.js';
import type { SessionUser } from '../identity/sessions.js';
import { findTaskInScope } from './findTaskInScope.js';
import type { Task, TaskResult } from './Task.js';

/** A task with the form version it is completed with. */
export interface TaskWithForm {
  readonly task: Task;
  readonly form: FormVersion | null;
}

/** One task the user may see, with its form; out of their scope it is not found. */
export async function getTask(knex: Knex, user: SessionUser, taskId: string): Promise<TaskResult<TaskWithForm>> {
  const found = await findTaskInScope(knex, user, taskId);
  if (!found.ok) return found;
  const { task } = found.value;
  const form = task.formId ? await getFormVersion(knex, task.formId, task.formVersion ?? undefined) : undefined;
  return { ok: true, value: { task, form: form?.ok ? form.value : null } };
}
