import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import { moveOrgUnit } from './moveOrgUnit.js';
import type { OrgResult } from './OrgResult.js';
import type { OrgUnit } from './OrgUnit.js';
import { updateOrgUnit, type OrgUnitChanges } from './updateOrgUnit.js';

/** Changes to an org unit in place and, with parentId, where it sits (null: a root). */
export interface OrgUnitPatch extends OrgUnitChanges {
  readonly parentId?: string | null;
}

/** Carries a failed result out of the transaction, so that the move made before it is rolled back. */
class Abandoned {
  constructor(readonly result: OrgResult<OrgUnit> & { ok: false }) {}
}

/**
 * Moves an org unit (moveOrgUnit) and changes its fields (updateOrgUnit) as one change: both or neither,
 * each audited as itself. Fails as they do: unknown unit, parent or head, a taken code, a cycle.
 */
export async function changeOrgUnit(
  knex: Knex,
  actor: Actor,
  unitId: string,
  patch: OrgUnitPatch,
): Promise<OrgResult<OrgUnit>> {
  const { parentId, ...changes } = patch;
  try {
    return await knex.transaction(async (trx) => {
      let result: OrgResult<OrgUnit> | undefined;
      if (parentId !== undefined) result = await moveOrgUnit(trx, actor, unitId, parentId);
      if (result?.ok === false) throw new Abandoned(result);
      if (result === undefined || Object.keys(changes).length > 0)
        result = await updateOrgUnit(trx, actor, unitId, changes);
      if (!result.ok) throw new Abandoned(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Abandoned) return error.result;
    throw error;
  }
}
