import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import { appendAudit } from './appendAudit.js';
import { fail, type OrgResult } from './OrgResult.js';
import { toOrgUnit, type OrgUnit, type OrgUnitKind, type OrgUnitRow } from './OrgUnit.js';

/** What a new org unit needs. */
export interface NewOrgUnit {
  readonly code: string;
  readonly nameEl: string;
  readonly nameEn: string;
  readonly kind: OrgUnitKind;
  readonly parentId: string | null;
  readonly headUserId?: string | null;
}

/** Creates an org unit under a parent (or as a root) and audits it; fails on a taken code or an unknown parent/head. */
export async function createOrgUnit(knex: Knex, actor: Actor, input: NewOrgUnit): Promise<OrgResult<OrgUnit>> {
  return knex.transaction(async (trx) => {
    if (await trx('org_unit').where({ code: input.code }).first())
      return fail('org_unit_code_taken', 'code', `An org unit with code ${input.code} already exists.`);
    if (input.parentId && !(await trx('org_unit').where({ id: input.parentId }).first()))
      return fail('org_unit_not_found', 'parentId', `No org unit has id ${input.parentId}.`);
    if (input.headUserId && !(await trx('app_user').where({ id: input.headUserId }).first()))
      return fail('user_not_found', 'headUserId', `No user has id ${input.headUserId}.`);
    const [row] = (await trx('org_unit')
      .insert({
        code: input.code,
        name_el: input.nameEl,
        name_en: input.nameEn,
        kind: input.kind,
        parent_id: input.parentId,
        head_user_id: input.headUserId ?? null,
      })
      .returning('*')) as OrgUnitRow[];
    const unit = toOrgUnit(row!);
    await appendAudit(trx, actor, {
      action: 'org_unit.created',
      objectType: 'org_unit',
      objectId: unit.id,
      details: { ...unit },
    });
    return { ok: true, value: unit };
  });
}
