import type { Knex } from 'knex';
import { defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import type { SessionUser } from '../../identity/sessions.js';
import type { Language } from '../../i18n/index.js';
import type { Actor } from '../../orgchart/Actor.js';
import { staff } from '../../policies/Policy.js';
import { assignTask } from '../../tasks/assignTask.js';
import { claimTask } from '../../tasks/claimTask.js';
import type { Task, TaskResult } from '../../tasks/Task.js';
import { bulkAssignBody, bulkClaimBody, bulkResultsSchema } from './collaborationSchema.js';
import { peopleOf, presentTask } from './presentTask.js';
import { taskErrorBody, userOf } from './taskRefusal.js';

/** Runs a task command on each task in turn, each in its own transaction; a refusal does not stop the others. */
async function eachTask(
  knex: Knex,
  taskIds: readonly string[],
  language: Language,
  run: (taskId: string) => Promise<TaskResult<Task>>,
) {
  const results = [];
  for (const taskId of taskIds) {
    const result = await run(taskId);
    results.push(
      result.ok
        ? { taskId, ok: true, task: presentTask(result.value, await peopleOf(knex, [result.value])) }
        : { taskId, ok: false, error: taskErrorBody(result.error, language) },
    );
  }
  return { status: 200, json: { results } };
}

/** Claiming or assigning up to 100 tasks at once. */
export function bulkTaskRoutes({ knex }: { knex: Knex }): ApiRoute[] {
  const responses = { 200: { description: 'One result per task, in the order given.', schema: bulkResultsSchema } };
  const input = (principal: Parameters<typeof userOf>[0], actor: Actor): { user: SessionUser; actor: Actor } => ({
    user: userOf(principal),
    actor,
  });
  return [
    defineApiRoute<{ taskIds: string[] }>({
      method: 'post',
      path: '/tasks/bulk/claim',
      operationId: 'claimTasks',
      summary: 'Take up to 100 open tasks; each is taken or refused on its own',
      tag: 'tasks',
      policy: staff,
      body: bulkClaimBody,
      responses,
      async handle({ body, principal, actor, req }) {
        const { user } = input(principal, actor);
        return eachTask(knex, body.taskIds, languageOf(req), (taskId) => claimTask(knex, actor, user, taskId));
      },
    }),
    defineApiRoute<{ taskIds: string[]; userId: string }>({
      method: 'post',
      path: '/tasks/bulk/assign',
      operationId: 'assignTasks',
      summary: 'Give up to 100 tasks to a member of staff (heads of unit and managers); each on its own',
      tag: 'tasks',
      policy: staff,
      body: bulkAssignBody,
      responses,
      async handle({ body, principal, actor, req }) {
        const { user } = input(principal, actor);
        return eachTask(knex, body.taskIds, languageOf(req), (taskId) =>
          assignTask(knex, actor, user, taskId, body.userId),
        );
      },
    }),
  ];
}
