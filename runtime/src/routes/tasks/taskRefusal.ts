import type { ApiReply } from '../../http/ApiRoute.js';
import type { SessionUser } from '../../identity/sessions.js';
import { translator, type Language, type MessageKey } from '../../i18n/index.js';
import type { Principal } from '../../policies/Principal.js';
import type { TaskError, TaskErrorId } from '../../tasks/Task.js';
import { taskErrorSchema } from './schema.js';

/** The HTTP status of each refusal of a task command. */
export const TASK_ERROR_STATUS: Record<TaskErrorId, number> = {
  task_not_found: 404,
  task_not_active: 409,
  task_already_claimed: 409,
  task_not_claimed: 409,
  task_claimed_by_other: 409,
  task_already_completed: 409,
  task_assign_forbidden: 403,
  assignee_not_found: 400,
  assignee_out_of_scope: 400,
  task_data_invalid: 400,
  engine_unavailable: 503,
  attachment_not_found: 404,
  task_not_assignee: 409,
  draft_too_large: 400,
  comment_empty: 400,
};

const FIELD: Partial<Record<TaskErrorId, string>> = {
  assignee_not_found: 'body.userId',
  assignee_out_of_scope: 'body.userId',
  task_not_found: 'params.taskId',
  attachment_not_found: 'body.attachmentId',
  draft_too_large: 'body.data',
  comment_empty: 'body.text',
};

/** A refused task command's error body, in the request's language, naming the person it is about. */
export function taskErrorBody(error: TaskError, language: Language) {
  const t = translator(language);
  const name = error.by ? (language === 'el' ? error.by.displayNameEl : error.by.displayNameEn) : t('task.someone');
  const message = t(`task.error.${error.id}` as MessageKey).replace('{name}', name);
  const field = error.problems?.[0]?.field ?? FIELD[error.id];
  return {
    id: error.id,
    message,
    ...(field === undefined ? {} : { field }),
    ...(error.by ? { by: error.by } : {}),
    ...(error.problems ? { problems: error.problems } : {}),
  };
}

/** The reply to a refused task command. */
export function refusal(error: TaskError, language: Language): ApiReply {
  return { status: TASK_ERROR_STATUS[error.id], json: { error: taskErrorBody(error, language) } };
}

/** The member of staff the staff policy admitted. */
export const userOf = (principal: Principal): SessionUser => {
  if (principal.kind !== 'user') throw new Error('Expected a member of staff, but the staff policy let another in');
  return principal.user;
};

/** The documented response of a refusal. */
export const TASK_ERRORS = { description: 'Refused, with a stable id and whom it names.', schema: taskErrorSchema };
