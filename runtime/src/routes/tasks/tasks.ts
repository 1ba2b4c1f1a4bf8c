import type { Knex } from 'knex';
import type { EngineClient } from '../../engine/EngineClient.js';
import { apiError, defineApiRoute, type ApiReply, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import type { SessionUser } from '../../identity/sessions.js';
import { translator, type Language } from '../../i18n/index.js';
import type { Actor } from '../../orgchart/Actor.js';
import { staff } from '../../policies/Policy.js';
import { assignTask } from '../../tasks/assignTask.js';
import { claimTask } from '../../tasks/claimTask.js';
import { completeTask } from '../../tasks/completeTask.js';
import { getTask } from '../../tasks/getTask.js';
import { listTasks, variableFilters, type TaskQuery } from '../../tasks/listTasks.js';
import type { Task, TaskResult } from '../../tasks/Task.js';
import { unclaimTask } from '../../tasks/unclaimTask.js';
import type { ServiceDefinition } from '../../procedures/serviceDefinitionSchema.js';
import { applicationSummary } from '../../tasks/applicationSummary.js';
import type { TaskEventStreamOptions } from '../../tasks/events/streamTaskEvents.js';
import type { ProcessHistorySource } from '../../tasks/history/ProcessHistorySource.js';
import { listTaskAttachments } from '../../tasks/listTaskAttachments.js';
import { listTaskComments } from '../../tasks/listTaskComments.js';
import { readTaskDraft } from '../../tasks/taskDrafts.js';
import { bulkTaskRoutes } from './bulkTasks.js';
import {
  presentApplicationSummary,
  presentComment,
  presentDraft,
  presentTaskAttachment,
} from './presentCollaboration.js';
import { peopleOf, presentTask } from './presentTask.js';
import { taskCollaborationRoutes } from './taskCollaboration.js';
import { taskEventsRoute } from './taskEvents.js';
import { taskFilterRoutes } from './taskFilters.js';
import { taskHistoryRoute } from './taskHistory.js';
import { refusal, TASK_ERRORS, userOf } from './taskRefusal.js';
import {
  assignTaskBody,
  completeTaskBody,
  listTasksQuery,
  taskErrorSchema,
  taskIdParams,
  taskSchema,
} from './schema.js';

/** What the task routes need; without the engine, completing a task answers 503. */
export interface TaskRouteDependencies {
  readonly knex: Knex;
  readonly engine?: EngineClient | undefined;
  /** The e-services, for the titles of the applications tasks serve. */
  readonly services?: readonly ServiceDefinition[] | undefined;
  /** Where process histories come from; the embedded engine's record log by default. */
  readonly history?: ProcessHistorySource | undefined;
  /** Timings of the live-update streams (tests shorten them). */
  readonly eventStream?: TaskEventStreamOptions | undefined;
}

/**
 * The clerks' tasks: the inbox and its live updates, one task with its form and case (application, comments,
 * files, my draft), claiming, giving back, assigning and completing (one or many), history and saved filters.
 */
export function taskRoutes(deps: TaskRouteDependencies): ApiRoute[] {
  const { knex, engine } = deps;
  const answer = async (result: TaskResult<Task>, language: Language): Promise<ApiReply> => {
    if (!result.ok) return refusal(result.error, language);
    return { status: 200, json: { task: presentTask(result.value, await peopleOf(knex, [result.value])) } };
  };
  const taskCommand = (
    path: string,
    operationId: string,
    summary: string,
    run: (input: { user: SessionUser; taskId: string; actor: Actor }) => Promise<TaskResult<Task>>,
  ) =>
    defineApiRoute<undefined, Record<string, never>, { taskId: string }>({
      method: 'post',
      path: `/tasks/:taskId/${path}`,
      operationId,
      summary,
      tag: 'tasks',
      policy: staff,
      params: taskIdParams,
      responses: {
        200: { description: 'The task as it is now.', schema: taskSchema },
        404: TASK_ERRORS,
        409: TASK_ERRORS,
      },
      async handle({ params, principal, actor, req }) {
        return answer(await run({ user: userOf(principal), taskId: params.taskId, actor }), languageOf(req));
      },
    });

  return [
    // Before /tasks/:taskId, which would otherwise take `events` and `bulk` for task ids.
    taskEventsRoute(deps),
    ...bulkTaskRoutes(deps),
    defineApiRoute<undefined, Omit<TaskQuery, 'dueBefore' | 'variables'> & { dueBefore?: string }>({
      method: 'get',
      path: '/tasks',
      operationId: 'listTasks',
      summary: 'The inbox: my tasks or my units’ tasks (with those of colleagues I deputise for), filtered and paged',
      tag: 'tasks',
      policy: staff,
      query: listTasksQuery,
      responses: {
        200: {
          description: 'One page, sorted; nextCursor continues it.',
          schema: {
            type: 'object',
            properties: { tasks: { type: 'array', items: taskSchema }, nextCursor: { type: ['string', 'null'] } },
          },
        },
      },
      async handle({ query, principal }) {
        const page = await listTasks(knex, userOf(principal), {
          ...query,
          dueBefore: query.dueBefore === undefined ? undefined : new Date(query.dueBefore),
          variables: variableFilters(query),
        });
        const people = await peopleOf(knex, page.tasks);
        return {
          status: 200,
          json: { tasks: page.tasks.map((task) => presentTask(task, people)), nextCursor: page.nextCursor },
        };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { taskId: string }>({
      method: 'get',
      path: '/tasks/:taskId',
      operationId: 'getTask',
      summary: 'One task with its variables and the form it is completed with',
      tag: 'tasks',
      policy: staff,
      params: taskIdParams,
      responses: {
        200: {
          description: 'The task, its variables, its form, its application, comments, attachments and my draft.',
          schema: { type: 'object' },
        },
        404: TASK_ERRORS,
      },
      async handle({ params, principal, req }) {
        const found = await getTask(knex, userOf(principal), params.taskId);
        if (!found.ok) return refusal(found.error, languageOf(req));
        const { task, form } = found.value;
        const user = userOf(principal);
        const holds = [user.id, ...user.actingFor.map((a) => a.userId)].includes(task.assigneeUserId ?? '');
        const [application, comments, attachments, draft] = await Promise.all([
          applicationSummary(knex, deps.services ?? [], task.applicationId),
          listTaskComments(knex, task),
          listTaskAttachments(knex, task),
          holds ? readTaskDraft(knex, task.id, user.id) : null,
        ]);
        return {
          status: 200,
          json: {
            task: { ...presentTask(task, await peopleOf(knex, [task])), variables: task.variables },
            form: form && {
              formId: form.formId,
              version: form.version,
              titleEl: form.titleEl,
              titleEn: form.titleEn,
              definition: form.definition,
            },
            application: application && presentApplicationSummary(application),
            comments: comments.map(presentComment),
            attachments: attachments.map(presentTaskAttachment),
            draft: draft && presentDraft(draft),
          },
        };
      },
    }),
    taskCommand('claim', 'claimTask', 'Take an open task', ({ user, taskId, actor }) =>
      claimTask(knex, actor, user, taskId),
    ),
    taskCommand('unclaim', 'unclaimTask', 'Give a task I took back to its units', ({ user, taskId, actor }) =>
      unclaimTask(knex, actor, user, taskId),
    ),
    defineApiRoute<{ userId: string }, Record<string, never>, { taskId: string }>({
      method: 'post',
      path: '/tasks/:taskId/assign',
      operationId: 'assignTask',
      summary: 'Give a task to a member of staff (heads of unit and managers)',
      tag: 'tasks',
      policy: staff,
      params: taskIdParams,
      body: assignTaskBody,
      responses: {
        200: { description: 'The task as it is now.', schema: taskSchema },
        400: TASK_ERRORS,
        403: TASK_ERRORS,
        404: TASK_ERRORS,
        409: TASK_ERRORS,
      },
      async handle({ params, body, principal, actor, req }) {
        return answer(await assignTask(knex, actor, userOf(principal), params.taskId, body.userId), languageOf(req));
      },
    }),
    defineApiRoute<{ data: Record<string, unknown> }, Record<string, never>, { taskId: string }>({
      method: 'post',
      path: '/tasks/:taskId/complete',
      operationId: 'completeTask',
      summary: 'Complete a task with its form’s data, validated on the server; the process moves on',
      tag: 'tasks',
      policy: staff,
      params: taskIdParams,
      body: completeTaskBody,
      responses: {
        200: { description: 'Completed.', schema: taskSchema },
        400: TASK_ERRORS,
        404: TASK_ERRORS,
        409: {
          description: 'Completed by someone else (named), taken by someone else, or no longer active.',
          schema: taskErrorSchema,
        },
        503: { description: 'The engine is not reachable from this server.' },
      },
      async handle({ params, body, principal, actor, req }) {
        const language = languageOf(req);
        if (!engine) return apiError(503, 'tasks_not_configured', translator(language)('task.notConfigured'));
        return answer(await completeTask(knex, engine, actor, userOf(principal), params.taskId, body.data), language);
      },
    }),
    ...taskCollaborationRoutes(deps),
    taskHistoryRoute(deps),
    ...taskFilterRoutes(deps),
  ];
}
