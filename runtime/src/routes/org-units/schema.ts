import type { JsonSchema } from '../../http/ApiRoute.js';
import { ORG_UNIT_KINDS } from '../../orgchart/OrgUnit.js';
import { orgUnitNodeSchema, orgUnitSchema } from '../../presenters/presentOrgUnit.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const text = { type: 'string', minLength: 1, maxLength: 300 } as const;
const unitFields = {
  code: {
    type: 'string',
    pattern: '^[A-Z][A-Z0-9]*(\\.[A-Z0-9]+)*$',
    maxLength: 40,
    description: 'The unit code, capitals and digits in dot-separated parts, e.g. DD.DHM.',
  },
  nameEl: { ...text, description: 'The name in Greek.' },
  nameEn: { ...text, description: 'The name in English.' },
  kind: { enum: [...ORG_UNIT_KINDS] },
  parentId: { type: ['string', 'null'], format: 'uuid', description: 'The parent unit; null for a root.' },
  headUserId: { type: ['string', 'null'], format: 'uuid', description: 'The head of the unit, if any.' },
} as const;

/** The path of one unit. */
export const unitParamsSchema: JsonSchema = {
  type: 'object',
  required: ['unitId'],
  properties: { unitId: uuid },
};

/** POST /org/units. */
export const createUnitBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'nameEl', 'nameEn', 'kind', 'parentId'],
  properties: unitFields,
};

/** PATCH /org/units/:unitId: any of the fields; parentId moves the unit. */
export const updateUnitBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    ...unitFields,
    parentId: { ...unitFields.parentId, description: 'Moves the unit under this one (null: makes it a root).' },
  },
};

/** The answer of GET /org/units. */
export const unitTreeResponseSchema: JsonSchema = {
  type: 'object',
  required: ['units'],
  properties: { units: { type: 'array', description: 'One tree per root unit.', items: orgUnitNodeSchema } },
};

/** The answer of POST and PATCH. */
export const unitResponseSchema: JsonSchema = {
  type: 'object',
  required: ['unit'],
  properties: { unit: orgUnitSchema },
};
