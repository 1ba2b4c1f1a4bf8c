import type { Knex } from 'knex';
import { toOrgUnit, type OrgUnit, type OrgUnitRow } from './OrgUnit.js';

/** Every unit beneath a unit, at any depth (not the unit itself), by code; a recursive CTE over parent_id. */
export async function unitsBelow(knex: Knex, unitId: string): Promise<OrgUnit[]> {
  const result = await knex.raw<{ rows: OrgUnitRow[] }>(
    `with recursive below as (
       select * from org_unit where parent_id = ?
       union all
       select u.* from org_unit u join below b on u.parent_id = b.id
     )
     select id, code, name_el, name_en, kind, parent_id, head_user_id from below order by code`,
    [unitId],
  );
  return result.rows.map(toOrgUnit);
}
