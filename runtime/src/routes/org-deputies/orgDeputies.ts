import type { Knex } from 'knex';
import { apiError, defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { findDeputy } from '../../orgchart/Deputy.js';
import { endDeputy } from '../../orgchart/endDeputy.js';
import { listDeputies, type DeputyQuery } from '../../orgchart/listDeputies.js';
import { setDeputy, type DeputyArrangement } from '../../orgchart/setDeputy.js';
import { anyOf, hasScope, staff, type Policy } from '../../policies/Policy.js';
import { presentDeputy } from '../../presenters/presentDeputy.js';
import { fieldsIn, orgErrorResponse, presentOrgError } from '../../presenters/presentOrgError.js';
import { mayArrangeDeputiesFor } from './mayArrangeDeputiesFor.js';
import {
  deputyListSchema,
  deputyParamsSchema,
  deputyResponseSchema,
  listDeputiesQuerySchema,
  setDeputyBodySchema,
} from './schema.js';

const readers = anyOf(staff, hasScope('orgchart:read'));

/** Lets staff through to the route, which then checks the absent user against the caller's units. */
const arrangers: Policy = {
  ...anyOf(staff, hasScope('orgchart:write')),
  description:
    'role admin, or a head of unit (or their deputy) for members of the units they head and below, or scope orgchart:write',
};

/** Deputy arrangements: who acts for whom while they are away. */
export function orgDeputyRoutes({ knex }: { knex: Knex }): ApiRoute[] {
  return [
    defineApiRoute<undefined, DeputyQuery>({
      method: 'get',
      path: '/org/deputies',
      operationId: 'listDeputies',
      summary: 'Deputy arrangements of a user, or in force on a day',
      tag: 'org chart',
      policy: readers,
      query: listDeputiesQuerySchema,
      responses: { 200: { description: 'The arrangements by first day.', schema: deputyListSchema } },
      async handle({ query }) {
        return { status: 200, json: { deputies: (await listDeputies(knex, query)).map(presentDeputy) } };
      },
    }),
    defineApiRoute<DeputyArrangement>({
      method: 'post',
      path: '/org/deputies',
      operationId: 'setDeputy',
      summary: 'Name a deputy for an absent user over a date range',
      tag: 'org chart',
      policy: arrangers,
      body: setDeputyBodySchema,
      responses: {
        201: { description: 'The arrangement.', schema: deputyResponseSchema },
        404: orgErrorResponse('The absent user or the deputy does not exist.'),
        409: orgErrorResponse('The absent user already has a deputy on some of these days (deputy_overlap).'),
      },
      async handle({ body, principal, actor }) {
        const decision = await mayArrangeDeputiesFor(knex, principal, body.absentUserId);
        if (!decision.allowed) return apiError(403, 'forbidden', decision.reason, 'body.absentUserId');
        const result = await setDeputy(knex, actor, body);
        if (!result.ok) return presentOrgError(result.error);
        return { status: 201, json: { deputy: presentDeputy(result.value) } };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { deputyId: string }>({
      method: 'delete',
      path: '/org/deputies/:deputyId',
      operationId: 'endDeputy',
      summary: 'End a deputy arrangement from today',
      tag: 'org chart',
      policy: arrangers,
      params: deputyParamsSchema,
      responses: {
        204: {
          description:
            'Ended: deleted if it had not started before today (Athens), otherwise cut short to end yesterday.',
        },
        404: orgErrorResponse('No such arrangement.'),
        409: orgErrorResponse('The arrangement is already over (deputy_already_ended).'),
      },
      async handle({ params, principal, actor }) {
        const arrangement = await findDeputy(knex, params.deputyId);
        if (arrangement) {
          const decision = await mayArrangeDeputiesFor(knex, principal, arrangement.absentUserId);
          if (!decision.allowed) return apiError(403, 'forbidden', decision.reason);
        }
        const result = await endDeputy(knex, actor, params.deputyId);
        return result.ok ? { status: 204 } : presentOrgError(result.error, fieldsIn({ deputyId: 'params.deputyId' }));
      },
    }),
  ];
}
