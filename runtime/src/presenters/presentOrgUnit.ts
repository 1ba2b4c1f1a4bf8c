import type { JsonSchema } from '../http/ApiRoute.js';
import { ORG_UNIT_KINDS, type OrgUnit } from '../orgchart/OrgUnit.js';
import type { OrgUnitNode } from '../orgchart/unitTree.js';

/** An org unit as the API shows it. */
export const presentOrgUnit = (unit: OrgUnit) => ({
  id: unit.id,
  code: unit.code,
  nameEl: unit.nameEl,
  nameEn: unit.nameEn,
  kind: unit.kind,
  parentId: unit.parentId,
  headUserId: unit.headUserId,
});

/** A unit of the tree with its sub-units, as the API shows it. */
export type PresentedOrgUnitNode = ReturnType<typeof presentOrgUnit> & { children: PresentedOrgUnitNode[] };

/** An org unit with its sub-units, all the way down. */
export const presentOrgUnitNode = (node: OrgUnitNode): PresentedOrgUnitNode => ({
  ...presentOrgUnit(node),
  children: node.children.map(presentOrgUnitNode),
});

const unitProperties = {
  id: { type: 'string', format: 'uuid' },
  code: { type: 'string', description: 'The unit code of the ΟΕΥ, e.g. DD.DHM.' },
  nameEl: { type: 'string' },
  nameEn: { type: 'string' },
  kind: { enum: [...ORG_UNIT_KINDS] },
  parentId: { type: ['string', 'null'], format: 'uuid', description: 'Null for a root unit.' },
  headUserId: { type: ['string', 'null'], format: 'uuid' },
} as const;

/** The JSON Schema of {@link presentOrgUnit}'s output. */
export const orgUnitSchema: JsonSchema = {
  type: 'object',
  required: Object.keys(unitProperties),
  properties: unitProperties,
};

const NODE_ID = 'https://polis.example/schemas/org-unit-node.json';

/** The JSON Schema of {@link presentOrgUnitNode}'s output; recursive through its $id. */
export const orgUnitNodeSchema: JsonSchema = {
  $id: NODE_ID,
  type: 'object',
  required: [...Object.keys(unitProperties), 'children'],
  properties: { ...unitProperties, children: { type: 'array', items: { $ref: NODE_ID } } },
};
