import type { Knex } from 'knex';
import { defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import { staff } from '../../policies/Policy.js';
import { findTaskInScope } from '../../tasks/findTaskInScope.js';
import type { ProcessHistorySource } from '../../tasks/history/ProcessHistorySource.js';
import { recordLogHistorySource } from '../../tasks/history/recordLogHistorySource.js';
import { taskHistory } from '../../tasks/history/taskHistory.js';
import { taskHistorySchema } from './collaborationSchema.js';
import { presentTaskHistory } from './presentCollaboration.js';
import { taskIdParams } from './schema.js';
import { refusal, TASK_ERRORS, userOf } from './taskRefusal.js';

/** GET /tasks/:taskId/history: the task's process instance, its diagram and the steps it took. */
export function taskHistoryRoute({
  knex,
  history,
}: {
  knex: Knex;
  history?: ProcessHistorySource | undefined;
}): ApiRoute {
  const source = history ?? recordLogHistorySource(knex);
  return defineApiRoute<undefined, Record<string, never>, { taskId: string }>({
    method: 'get',
    path: '/tasks/:taskId/history',
    operationId: 'getTaskHistory',
    summary: 'The task’s process instance: BPMN diagram, active and completed elements, and its timeline',
    tag: 'tasks',
    policy: staff,
    params: taskIdParams,
    responses: { 200: { description: 'The history.', schema: taskHistorySchema }, 404: TASK_ERRORS },
    async handle({ params, principal, req }) {
      const found = await findTaskInScope(knex, userOf(principal), params.taskId);
      if (!found.ok) return refusal(found.error, languageOf(req));
      return { status: 200, json: presentTaskHistory(await taskHistory(knex, source, found.value.task)) };
    },
  });
}
