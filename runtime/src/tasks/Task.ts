/** Where a task is in its life: open (nobody has it), claimed, completed, or cancelled (its job is gone). */
export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';

/** A clerk's task: a user task of a process instance, held open for them by the user-task worker. */
export interface Task {
  readonly id: string;
  readonly jobKey: string;
  readonly elementInstanceKey: string;
  readonly processInstanceKey: string;
  readonly processId: string;
  readonly processVersion: number;
  readonly elementId: string;
  readonly elementName: string | null;
  readonly formId: string | null;
  readonly formVersion: number | null;
  /** Org unit codes (or role names) whose members may take the task. */
  readonly candidateGroups: readonly string[];
  /** Usernames who may take the task. */
  readonly candidateUsers: readonly string[];
  readonly assigneeUserId: string | null;
  readonly dueDate: Date | null;
  readonly followUpDate: Date | null;
  readonly priority: number | null;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly applicationId: string | null;
  readonly protocolNumber: string | null;
  readonly citizenName: string | null;
  readonly status: TaskStatus;
  readonly createdAt: Date;
  readonly claimedAt: Date | null;
  readonly completedAt: Date | null;
  readonly completedBy: string | null;
}

/** The task row as the database returns it. */
export interface TaskRow {
  id: string;
  job_key: string | number;
  element_instance_key: string | number;
  process_instance_key: string | number;
  process_id: string;
  process_version: number;
  element_id: string;
  element_name: string | null;
  form_id: string | null;
  form_version: number | null;
  candidate_groups: string[];
  candidate_users: string[];
  assignee_user_id: string | null;
  due_date: Date | string | null;
  follow_up_date: Date | string | null;
  priority: number | null;
  variables: Record<string, unknown> | string;
  application_id: string | null;
  protocol_number: string | null;
  citizen_name: string | null;
  status: TaskStatus;
  created_at: Date | string;
  claimed_at: Date | string | null;
  completed_at: Date | string | null;
  completed_by: string | null;
}

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/** A task row as the commands and presenters use it. */
export function taskFromRow(row: TaskRow): Task {
  return {
    id: row.id,
    jobKey: String(row.job_key),
    elementInstanceKey: String(row.element_instance_key),
    processInstanceKey: String(row.process_instance_key),
    processId: row.process_id,
    processVersion: Number(row.process_version),
    elementId: row.element_id,
    elementName: row.element_name,
    formId: row.form_id,
    formVersion: row.form_version === null ? null : Number(row.form_version),
    candidateGroups: row.candidate_groups,
    candidateUsers: row.candidate_users,
    assigneeUserId: row.assignee_user_id,
    dueDate: date(row.due_date),
    followUpDate: date(row.follow_up_date),
    priority: row.priority === null ? null : Number(row.priority),
    variables: (typeof row.variables === 'string' ? JSON.parse(row.variables) : row.variables) as Record<
      string,
      unknown
    >,
    applicationId: row.application_id,
    protocolNumber: row.protocol_number,
    citizenName: row.citizen_name,
    status: row.status,
    createdAt: new Date(row.created_at),
    claimedAt: date(row.claimed_at),
    completedAt: date(row.completed_at),
    completedBy: row.completed_by,
  };
}

/** Stable ids of the expected failures of the task commands. */
export type TaskErrorId =
  | 'task_not_found'
  | 'task_not_active'
  | 'task_already_claimed'
  | 'task_not_claimed'
  | 'task_claimed_by_other'
  | 'task_already_completed'
  | 'task_assign_forbidden'
  | 'assignee_not_found'
  | 'assignee_out_of_scope'
  | 'task_data_invalid'
  | 'engine_unavailable'
  | 'attachment_not_found'
  | 'task_not_assignee'
  | 'draft_too_large'
  | 'comment_empty';

/** One field of submitted form data that needs correcting. */
export interface TaskFieldProblem {
  /** The JSON path, e.g. `body.data.rejectionReason`. */
  readonly field: string;
  readonly key: string;
  readonly message: { readonly el: string; readonly en: string };
}

/** An expected failure of a task command: a stable id, a message a person can act on, and what it is about. */
export interface TaskError {
  readonly id: TaskErrorId;
  readonly message: string;
  /** Who holds or completed the task, for task_already_claimed, task_claimed_by_other and task_already_completed. */
  readonly by?: {
    readonly userId: string;
    readonly username: string;
    readonly displayNameEl: string;
    readonly displayNameEn: string;
  };
  readonly problems?: readonly TaskFieldProblem[];
}

/** What a task command returns: its value, or an expected failure as a value (never thrown). */
export type TaskResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TaskError };

/** Builds a failed result. */
export const failTask = (
  id: TaskErrorId,
  message: string,
  extra: Partial<TaskError> = {},
): { ok: false; error: TaskError } => ({
  ok: false,
  error: { id, message, ...extra },
});
