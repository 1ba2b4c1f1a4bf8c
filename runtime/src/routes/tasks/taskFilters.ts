import type { Knex } from 'knex';
import { apiError, defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import { translator, type MessageKey } from '../../i18n/index.js';
import { staff } from '../../policies/Policy.js';
import { deleteTaskFilter, listTaskFilters, saveTaskFilter, type TaskFilterError } from '../../tasks/taskFilters.js';
import { filterIdParams, taskFilterBody, taskFilterSchema } from './collaborationSchema.js';
import { presentTaskFilter } from './presentCollaboration.js';
import { userOf } from './taskRefusal.js';

const STATUS: Record<TaskFilterError['id'], number> = { task_filter_name_taken: 409, task_filter_not_found: 404 };
const FIELD: Record<TaskFilterError['id'], string> = {
  task_filter_name_taken: 'body.name',
  task_filter_not_found: 'params.filterId',
};

/** My saved inbox filters: a name for a query of GET /tasks. */
export function taskFilterRoutes({ knex }: { knex: Knex }): ApiRoute[] {
  const refused = (error: TaskFilterError, req: Parameters<typeof languageOf>[0]) =>
    apiError(
      STATUS[error.id],
      error.id,
      translator(languageOf(req))(`task.error.${error.id}` as MessageKey),
      FIELD[error.id],
    );
  const errors = { description: 'Refused, with a stable id.' };
  return [
    defineApiRoute({
      method: 'get',
      path: '/me/task-filters',
      operationId: 'listTaskFilters',
      summary: 'My saved inbox filters, by name',
      tag: 'tasks',
      policy: staff,
      responses: {
        200: {
          description: 'The filters.',
          schema: { type: 'object', properties: { filters: { type: 'array', items: taskFilterSchema } } },
        },
      },
      async handle({ principal }) {
        const filters = await listTaskFilters(knex, userOf(principal).id);
        return { status: 200, json: { filters: filters.map(presentTaskFilter) } };
      },
    }),
    defineApiRoute<{ name: string; query: Record<string, unknown> }>({
      method: 'post',
      path: '/me/task-filters',
      operationId: 'saveTaskFilter',
      summary: 'Save an inbox query under a name',
      tag: 'tasks',
      policy: staff,
      body: taskFilterBody(),
      responses: {
        201: { description: 'Saved.', schema: { type: 'object', properties: { filter: taskFilterSchema } } },
        409: errors,
      },
      async handle({ body, principal, req }) {
        const saved = await saveTaskFilter(knex, userOf(principal).id, body.name, body.query);
        if (!saved.ok) return refused(saved.error, req);
        return { status: 201, json: { filter: presentTaskFilter(saved.value) } };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { filterId: string }>({
      method: 'delete',
      path: '/me/task-filters/:filterId',
      operationId: 'deleteTaskFilter',
      summary: 'Delete one of my saved filters',
      tag: 'tasks',
      policy: staff,
      params: filterIdParams,
      responses: { 204: { description: 'Deleted.' }, 404: errors },
      async handle({ params, principal, req }) {
        const deleted = await deleteTaskFilter(knex, userOf(principal).id, params.filterId);
        if (!deleted.ok) return refused(deleted.error, req);
        return { status: 204 };
      },
    }),
  ];
}
