import { ApiError, toApiError } from '../../../shared/api/ApiError';
import type { ApiClient } from '../../../shared/api/createApiClient';
import type { UploadedAttachment } from '../../../shared/formio/formTypes';
import type {
  BulkResult,
  TaskAttachment,
  TaskComment,
  TaskDetail,
  TaskDraft,
  TaskFilter,
  TaskHistory,
  TaskListQuery,
  TaskPage,
  TaskSummary,
} from './taskTypes';

const id = encodeURIComponent;

/** Uploads a file as POST /attachments expects it (the body as is, named by X-Filename, with the CSRF token). */
async function uploadFile(url: string, file: File, csrfToken: string | undefined): Promise<UploadedAttachment> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body: file,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': file.type || 'application/octet-stream',
        'X-Filename': encodeURIComponent(file.name),
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
      },
    });
  } catch (cause) {
    throw new ApiError('network_error', cause instanceof Error ? cause.message : String(cause), 0);
  }
  if (!response.ok) throw toApiError(response.status, await response.text());
  return (await response.json()) as UploadedAttachment;
}

/** The staff app's calls of the task API, one function per route of docs/api/tasks-contract.md. */
export function tasksApi(api: ApiClient, csrfToken: () => string | undefined) {
  return {
    list: (query: TaskListQuery) => api.get<TaskPage>('/tasks', query),
    get: (taskId: string) => api.get<TaskDetail>(`/tasks/${id(taskId)}`),
    claim: async (taskId: string) => (await api.post<{ task: TaskSummary }>(`/tasks/${id(taskId)}/claim`, {})).task,
    unclaim: async (taskId: string) => (await api.post<{ task: TaskSummary }>(`/tasks/${id(taskId)}/unclaim`, {})).task,
    assign: async (taskId: string, userId: string) =>
      (await api.post<{ task: TaskSummary }>(`/tasks/${id(taskId)}/assign`, { userId })).task,
    complete: async (taskId: string, data: Record<string, unknown>) =>
      (await api.post<{ task: TaskSummary }>(`/tasks/${id(taskId)}/complete`, { data })).task,
    comments: async (taskId: string) =>
      (await api.get<{ comments: TaskComment[] }>(`/tasks/${id(taskId)}/comments`)).comments,
    addComment: async (taskId: string, text: string) =>
      (await api.post<{ comment: TaskComment }>(`/tasks/${id(taskId)}/comments`, { text })).comment,
    attachments: async (taskId: string) =>
      (await api.get<{ attachments: TaskAttachment[] }>(`/tasks/${id(taskId)}/attachments`)).attachments,
    linkAttachment: async (taskId: string, attachmentId: string) =>
      (await api.post<{ attachment: TaskAttachment }>(`/tasks/${id(taskId)}/attachments`, { attachmentId })).attachment,
    upload: (file: File) => uploadFile(api.url('/attachments'), file, csrfToken()),
    saveDraft: async (taskId: string, data: Record<string, unknown>) =>
      (await api.put<{ draft: TaskDraft }>(`/tasks/${id(taskId)}/draft`, { data })).draft,
    deleteDraft: (taskId: string) => api.delete(`/tasks/${id(taskId)}/draft`),
    history: (taskId: string) => api.get<TaskHistory>(`/tasks/${id(taskId)}/history`),
    bulkClaim: async (taskIds: readonly string[]) =>
      (await api.post<{ results: BulkResult[] }>('/tasks/bulk/claim', { taskIds })).results,
    bulkAssign: async (taskIds: readonly string[], userId: string) =>
      (await api.post<{ results: BulkResult[] }>('/tasks/bulk/assign', { taskIds, userId })).results,
    filters: async () => (await api.get<{ filters: TaskFilter[] }>('/me/task-filters')).filters,
    saveFilter: async (name: string, query: TaskListQuery) =>
      (await api.post<{ filter: TaskFilter }>('/me/task-filters', { name, query })).filter,
    deleteFilter: (filterId: string) => api.delete(`/me/task-filters/${id(filterId)}`),
    attachmentUrl: (attachmentId: string) => api.url(`/attachments/${id(attachmentId)}`),
    eventsUrl: () => api.url('/tasks/events'),
  };
}

/** The task API bound to a client. */
export type TasksApi = ReturnType<typeof tasksApi>;
