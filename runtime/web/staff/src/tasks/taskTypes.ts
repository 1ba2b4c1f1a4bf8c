/** The shapes of the task API (docs/api/tasks-contract.md), as the staff app reads them. */
import type { FormDefinition } from '../../../shared/formio/formTypes';

/** A member of staff as the task API names them. */
export interface Person {
  readonly userId: string;
  readonly username: string;
  readonly displayNameEl: string;
  readonly displayNameEn: string;
}

/** Where a task is in its life. */
export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';

/** A task as lists show it. */
export interface TaskSummary {
  readonly id: string;
  readonly status: TaskStatus;
  readonly processId: string;
  readonly processVersion: number;
  readonly processInstanceKey: string;
  readonly elementId: string;
  readonly name: string;
  readonly formId: string | null;
  readonly formVersion: number | null;
  readonly candidateGroups: readonly string[];
  readonly candidateUsers: readonly string[];
  readonly assignee: Person | null;
  readonly dueDate: string | null;
  readonly followUpDate: string | null;
  readonly priority: number | null;
  readonly applicationId: string | null;
  readonly protocolNumber: string | null;
  readonly citizenName: string | null;
  readonly createdAt: string;
  readonly claimedAt: string | null;
  readonly completedAt: string | null;
  readonly completedBy: Person | null;
}

/** One page of the inbox. */
export interface TaskPage {
  readonly tasks: readonly TaskSummary[];
  readonly nextCursor: string | null;
}

/** The form a task is completed with. */
export interface TaskForm {
  readonly formId: string;
  readonly version: number;
  readonly titleEl: string;
  readonly titleEn: string;
  readonly definition: FormDefinition;
}

/** The application that started a task's process: every string is the citizen's plain text. */
export interface TaskApplication {
  readonly id: string;
  readonly protocolNumber: string;
  readonly serviceId: string;
  readonly serviceTitleEl: string;
  readonly serviceTitleEn: string;
  readonly citizenName: string | null;
  readonly submittedAt: string;
  readonly status: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A comment on the application (made on any of its tasks). */
export interface TaskComment {
  readonly id: string;
  readonly taskId: string;
  readonly elementName: string | null;
  readonly text: string;
  readonly author: Person;
  readonly createdAt: string;
}

/** A file of the application (the citizen's) or linked to one of its tasks by staff. */
export interface TaskAttachment {
  readonly attachmentId: string;
  readonly originalName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly source: 'application' | 'task';
  readonly linkedBy: Person | null;
  readonly linkedAt: string;
}

/** The assignee's unfinished form data. */
export interface TaskDraft {
  readonly data: Record<string, unknown>;
  readonly updatedAt: string;
}

/** One task with everything its page shows. */
export interface TaskDetail {
  readonly task: TaskSummary & { readonly variables: Readonly<Record<string, unknown>> };
  readonly form: TaskForm | null;
  readonly application?: TaskApplication | null;
  readonly comments?: readonly TaskComment[];
  readonly attachments?: readonly TaskAttachment[];
  readonly draft?: TaskDraft | null;
}

/** One step of a process instance's history. */
export interface HistoryEvent {
  readonly at: string;
  readonly elementId: string;
  readonly elementName: string | null;
  readonly elementType: string;
  readonly intent: 'ELEMENT_ACTIVATED' | 'ELEMENT_COMPLETED' | 'ELEMENT_TERMINATED' | 'SEQUENCE_FLOW_TAKEN';
  readonly by?: Person;
}

/** A process instance's history and diagram. */
export interface TaskHistory {
  readonly processInstanceKey: string;
  readonly processId: string;
  readonly processVersion: number;
  readonly bpmnXml: string;
  readonly activeElementIds: readonly string[];
  readonly completedElementIds: readonly string[];
  readonly events: readonly HistoryEvent[];
}

/** The result of one task of a bulk claim or assign. */
export type BulkResult =
  | { readonly taskId: string; readonly ok: true; readonly task: TaskSummary }
  | {
      readonly taskId: string;
      readonly ok: false;
      readonly error: { readonly id: string; readonly message: string; readonly by?: Person };
    };

/** The query of GET /tasks, as saved filters keep it. */
export type TaskListQuery = Readonly<Record<string, string | number | undefined>>;

/** A saved filter of the inbox. */
export interface TaskFilter {
  readonly id: string;
  readonly name: string;
  readonly query: TaskListQuery;
  readonly createdAt: string;
}
