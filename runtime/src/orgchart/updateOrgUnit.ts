import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import { appendAudit } from './appendAudit.js';
import { fail, type OrgResult } from './OrgResult.js';
import { toOrgUnit, type OrgUnit, type OrgUnitKind, type OrgUnitRow } from './OrgUnit.js';

/** The fields of an org unit that can change in place; moving it is {@link moveOrgUnit}'s job. */
export interface OrgUnitChanges {
  readonly code?: string;
  readonly nameEl?: string;
  readonly nameEn?: string;
  readonly kind?: OrgUnitKind;
  readonly headUserId?: string | null;
}

/** Changes an org unit's code, names, kind or head and audits the before/after; fails on unknown ids or a taken code. */
export async function updateOrgUnit(
  knex: Knex,
  actor: Actor,
  unitId: string,
  changes: OrgUnitChanges,
): Promise<OrgResult<OrgUnit>> {
  return knex.transaction(async (trx) => {
    const before = (await trx('org_unit').where({ id: unitId }).forUpdate().first()) as OrgUnitRow | undefined;
    if (!before) return fail('org_unit_not_found', 'unitId', `No org unit has id ${unitId}.`);
    if (changes.code && changes.code !== before.code && (await trx('org_unit').where({ code: changes.code }).first()))
      return fail('org_unit_code_taken', 'code', `An org unit with code ${changes.code} already exists.`);
    if (changes.headUserId && !(await trx('app_user').where({ id: changes.headUserId }).first()))
      return fail('user_not_found', 'headUserId', `No user has id ${changes.headUserId}.`);
    const [row] = (await trx('org_unit')
      .where({ id: unitId })
      .update({
        code: changes.code ?? before.code,
        name_el: changes.nameEl ?? before.name_el,
        name_en: changes.nameEn ?? before.name_en,
        kind: changes.kind ?? before.kind,
        head_user_id: changes.headUserId === undefined ? before.head_user_id : changes.headUserId,
        updated_at: trx.fn.now(),
      })
      .returning('*')) as OrgUnitRow[];
    const unit = toOrgUnit(row!);
    await appendAudit(trx, actor, {
      action: 'org_unit.updated',
      objectType: 'org_unit',
      objectId: unitId,
      details: { before: toOrgUnit(before), after: unit },
    });
    return { ok: true, value: unit };
  });
}
