import type { Knex } from 'knex';
import type { EngineClient } from '../../engine/EngineClient.js';
import { apiError, defineApiRoute, type ApiReply, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import type { SessionUser } from '../../identity/sessions.js';
import { translator, type Language, type MessageKey } from '../../i18n/index.js';
import type { Actor } from '../../orgchart/Actor.js';
import type { Principal } from '../../policies/Principal.js';
import { staff } from '../../policies/Policy.js';
import { assignTask } from '../../tasks/assignTask.js';
import { claimTask } from '../../tasks/claimTask.js';
import { completeTask } from '../../tasks/completeTask.js';
import { getTask } from '../../tasks/getTask.js';
import { listTasks, type TaskQuery } from '../../tasks/listTasks.js';
import type { Task, TaskError, TaskErrorId, TaskResult } from '../../tasks/Task.js';
import { unclaimTask } from '../../tasks/unclaimTask.js';
import { peopleOf, presentTask } from './presentTask.js';
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
}

const STATUS: Record<TaskErrorId, number> = {
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
};

const FIELD: Partial<Record<TaskErrorId, string>> = {
  assignee_not_found: 'body.userId',
  assignee_out_of_scope: 'body.userId',
  task_not_found: 'params.taskId',
};

function refusal(error: TaskError, language: Language): ApiReply {
  const t = translator(language);
  const name = error.by ? (language === 'el' ? error.by.displayNameEl : error.by.displayNameEn) : t('task.someone');
  const message = t(`task.error.${error.id}` as MessageKey).replace('{name}', name);
  const field = error.problems?.[0]?.field ?? FIELD[error.id];
  return {
    status: STATUS[error.id],
    json: {
      error: {
        id: error.id,
        message,
        ...(field === undefined ? {} : { field }),
        ...(error.by ? { by: error.by } : {}),
        ...(error.problems ? { problems: error.problems } : {}),
      },
    },
  };
}

const userOf = (principal: Principal): SessionUser => {
  if (principal.kind !== 'user') throw new Error('Expected a member of staff, but the staff policy let another in');
  return principal.user;
};

const TASK_ERRORS = { description: 'Refused, with a stable id and whom it names.', schema: taskErrorSchema };

/** The clerks' tasks: the inbox, one task with its form, and claiming, giving back, assigning and completing. */
export function taskRoutes({ knex, engine }: TaskRouteDependencies): ApiRoute[] {
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
    defineApiRoute<undefined, Omit<TaskQuery, 'dueBefore'> & { dueBefore?: string }>({
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
        200: { description: 'The task, its variables and its form.', schema: { type: 'object' } },
        404: TASK_ERRORS,
      },
      async handle({ params, principal, req }) {
        const found = await getTask(knex, userOf(principal), params.taskId);
        if (!found.ok) return refusal(found.error, languageOf(req));
        const { task, form } = found.value;
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
  ];
}
