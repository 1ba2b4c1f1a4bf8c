import type { ApplicationSummary } from '../../tasks/applicationSummary.js';
import type { TaskHistory } from '../../tasks/history/taskHistory.js';
import type { TaskAttachment } from '../../tasks/listTaskAttachments.js';
import type { TaskComment } from '../../tasks/listTaskComments.js';
import type { TaskDraft } from '../../tasks/taskDrafts.js';
import type { TaskFilter } from '../../tasks/taskFilters.js';

/** A comment as the API shows it: the text exactly as typed, for the client to show as text. */
export const presentComment = (comment: TaskComment) => ({
  id: comment.id,
  taskId: comment.taskId,
  elementName: comment.elementName,
  text: comment.text,
  author: comment.author,
  createdAt: comment.createdAt.toISOString(),
});

/** A file of a task's case; downloaded through GET /attachments/:attachmentId. */
export const presentTaskAttachment = (attachment: TaskAttachment) => ({
  ...attachment,
  linkedAt: attachment.linkedAt.toISOString(),
});

/** The assignee's draft. */
export const presentDraft = (draft: TaskDraft) => ({ data: draft.data, updatedAt: draft.updatedAt.toISOString() });

/** The application a task serves: the citizen's texts as they typed them. */
export const presentApplicationSummary = (application: ApplicationSummary) => ({
  ...application,
  submittedAt: application.submittedAt.toISOString(),
});

/** A saved inbox filter. */
export const presentTaskFilter = (filter: TaskFilter) => ({ ...filter, createdAt: filter.createdAt.toISOString() });

/** A task's process history. */
export const presentTaskHistory = (history: TaskHistory) => ({
  ...history,
  events: history.events.map((e) => ({ ...e, at: e.at.toISOString() })),
});
