import type { Knex } from 'knex';
import { defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { changeOrgUnit, type OrgUnitPatch } from '../../orgchart/changeOrgUnit.js';
import { createOrgUnit, type NewOrgUnit } from '../../orgchart/createOrgUnit.js';
import { unitTree } from '../../orgchart/unitTree.js';
import { anyOf, hasRole, hasScope, staff } from '../../policies/Policy.js';
import { fieldsIn, orgErrorResponse, presentOrgError } from '../../presenters/presentOrgError.js';
import { presentOrgUnit, presentOrgUnitNode } from '../../presenters/presentOrgUnit.js';
import {
  createUnitBodySchema,
  unitParamsSchema,
  unitResponseSchema,
  unitTreeResponseSchema,
  updateUnitBodySchema,
} from './schema.js';

const readers = anyOf(staff, hasScope('orgchart:read'));
const writers = anyOf(hasRole('admin'), hasScope('orgchart:write'));

/** The org units: the tree for staff, and creating, changing and moving units for admins. */
export function orgUnitRoutes({ knex }: { knex: Knex }): ApiRoute[] {
  return [
    defineApiRoute({
      method: 'get',
      path: '/org/units',
      operationId: 'listOrgUnits',
      summary: 'The org chart as trees of units',
      tag: 'org chart',
      policy: readers,
      responses: { 200: { description: 'Every unit, nested under its parent.', schema: unitTreeResponseSchema } },
      async handle() {
        return { status: 200, json: { units: (await unitTree(knex)).map(presentOrgUnitNode) } };
      },
    }),
    defineApiRoute<NewOrgUnit>({
      method: 'post',
      path: '/org/units',
      operationId: 'createOrgUnit',
      summary: 'Create an org unit',
      tag: 'org chart',
      policy: writers,
      body: createUnitBodySchema,
      responses: {
        201: { description: 'The unit, created.', schema: unitResponseSchema },
        404: orgErrorResponse('The parent unit or the head does not exist.'),
        409: orgErrorResponse('The code is taken (org_unit_code_taken).'),
      },
      async handle({ body, actor }) {
        const result = await createOrgUnit(knex, actor, body);
        if (!result.ok) return presentOrgError(result.error);
        return { status: 201, json: { unit: presentOrgUnit(result.value) } };
      },
    }),
    defineApiRoute<OrgUnitPatch, Record<string, never>, { unitId: string }>({
      method: 'patch',
      path: '/org/units/:unitId',
      operationId: 'updateOrgUnit',
      summary: 'Change an org unit, or move it under another',
      tag: 'org chart',
      policy: writers,
      params: unitParamsSchema,
      body: updateUnitBodySchema,
      responses: {
        200: { description: 'The unit, changed.', schema: unitResponseSchema },
        404: orgErrorResponse('The unit, the new parent or the head does not exist.'),
        409: orgErrorResponse('The code is taken, or the move would put the unit below itself (org_unit_cycle).'),
      },
      async handle({ params, body, actor }) {
        const result = await changeOrgUnit(knex, actor, params.unitId, body);
        if (!result.ok)
          return presentOrgError(result.error, fieldsIn({ unitId: 'params.unitId', newParentId: 'body.parentId' }));
        return { status: 200, json: { unit: presentOrgUnit(result.value) } };
      },
    }),
  ];
}
