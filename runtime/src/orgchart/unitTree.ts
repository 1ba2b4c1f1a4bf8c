import type { Knex } from 'knex';
import { toOrgUnit, type OrgUnit, type OrgUnitRow } from './OrgUnit.js';

/** An org unit with its sub-units, ordered by code. */
export interface OrgUnitNode extends OrgUnit {
  readonly children: OrgUnitNode[];
}

/** The whole org chart as trees, one per root unit (normally one: the municipality). */
export async function unitTree(knex: Knex): Promise<OrgUnitNode[]> {
  const rows = (await knex('org_unit').orderBy('code')) as OrgUnitRow[];
  const nodes = new Map(rows.map((row) => [row.id, { ...toOrgUnit(row), children: [] as OrgUnitNode[] }]));
  const roots: OrgUnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
