import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import { appendAudit } from './appendAudit.js';
import { fail, type OrgResult } from './OrgResult.js';
import { toOrgUnit, type OrgUnit, type OrgUnitRow } from './OrgUnit.js';
import { unitsBelow } from './unitsBelow.js';

/** Moves an org unit under a new parent (null: a root) and audits it; fails if that would put it under itself. */
export async function moveOrgUnit(
  knex: Knex,
  actor: Actor,
  unitId: string,
  newParentId: string | null,
): Promise<OrgResult<OrgUnit>> {
  return knex.transaction(async (trx) => {
    // Lock the table's writers out so that two concurrent moves cannot build a cycle between them.
    await trx.raw('lock table org_unit in share row exclusive mode');
    const before = (await trx('org_unit').where({ id: unitId }).first()) as OrgUnitRow | undefined;
    if (!before) return fail('org_unit_not_found', 'unitId', `No org unit has id ${unitId}.`);
    if (newParentId !== null) {
      const parent = (await trx('org_unit').where({ id: newParentId }).first()) as OrgUnitRow | undefined;
      if (!parent) return fail('org_unit_not_found', 'newParentId', `No org unit has id ${newParentId}.`);
      const below = await unitsBelow(trx, unitId);
      if (newParentId === unitId || below.some((u) => u.id === newParentId))
        return fail(
          'org_unit_cycle',
          'newParentId',
          `Cannot move ${before.code} under ${parent.code}: ${parent.code} is ${before.code} itself or one of its sub-units.`,
        );
    }
    const [row] = (await trx('org_unit')
      .where({ id: unitId })
      .update({ parent_id: newParentId, updated_at: trx.fn.now() })
      .returning('*')) as OrgUnitRow[];
    await appendAudit(trx, actor, {
      action: 'org_unit.moved',
      objectType: 'org_unit',
      objectId: unitId,
      details: { fromParentId: before.parent_id, toParentId: newParentId },
    });
    return { ok: true, value: toOrgUnit(row!) };
  });
}
