import type { TaskSummary } from './taskTypes';

/** Who looks at a task: their id, the colleagues they deputise for today, and whether they may assign tasks. */
export interface Viewer {
  readonly userId: string;
  readonly actingFor: readonly string[];
  readonly mayAssign: boolean;
}

/** What a viewer may do with a task, for its buttons (the server decides again). */
export interface TaskActions {
  readonly claim: boolean;
  readonly unclaim: boolean;
  readonly assign: boolean;
  /** The form may be filled in, saved as a draft and completed: the task is the viewer's (or an absent colleague's). */
  readonly work: boolean;
  /** Set when the task is an absent colleague's, whom the viewer acts for. */
  readonly onBehalfOf?: string;
}

/** The actions a task offers a viewer, by its state and whose it is. */
export function taskActions(task: Pick<TaskSummary, 'status' | 'assignee'>, viewer: Viewer): TaskActions {
  const active = task.status === 'open' || task.status === 'claimed';
  const assigneeId = task.assignee?.userId;
  const mine = task.status === 'claimed' && assigneeId === viewer.userId;
  const colleague = task.status === 'claimed' && assigneeId !== undefined && viewer.actingFor.includes(assigneeId);
  return {
    claim: task.status === 'open',
    unclaim: mine || colleague,
    assign: active && viewer.mayAssign,
    work: mine || colleague,
    ...(colleague ? { onBehalfOf: assigneeId } : {}),
  };
}
