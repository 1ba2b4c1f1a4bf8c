import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import { appendAudit } from './appendAudit.js';
import type { OrgResult } from './OrgResult.js';
import { validateOrgChart } from './validateOrgChart.js';

/** How many of each thing an import document held. */
export interface ImportCounts {
  readonly units: number;
  readonly users: number;
  readonly deputies: number;
}

/**
 * Imports a whole org chart document in one transaction with one audit entry: validates it first (nothing is
 * written if any part is wrong), then upserts units by code and users by username, adds memberships, roles
 * and deputy arrangements it does not already hold. Importing the same document twice changes nothing.
 */
export async function importOrgChart(knex: Knex, actor: Actor, input: unknown): Promise<OrgResult<ImportCounts>> {
  return knex.transaction(async (trx) => {
    await trx.raw('lock table org_unit, app_user, deputy in share row exclusive mode');
    const checked = await validateOrgChart(trx, input);
    if (!checked.ok) return checked;
    const doc = checked.document;
    const now = trx.fn.now();
    const userIds = new Map<string, string>();
    for (const user of doc.users) {
      const [row] = (await trx('app_user')
        .insert({
          username: user.username,
          display_name_el: user.displayNameEl,
          display_name_en: user.displayNameEn,
          email: user.email ?? null,
          kind: user.kind,
          tax_id: user.taxId ?? null,
          active: user.active ?? true,
        })
        .onConflict('username')
        .merge(['display_name_el', 'display_name_en', 'email', 'kind', 'tax_id', 'active'])
        .returning('id')) as { id: string }[];
      userIds.set(user.username, row!.id);
    }
    for (const unit of doc.units)
      await trx('org_unit')
        .insert({ code: unit.code, name_el: unit.nameEl, name_en: unit.nameEn, kind: unit.kind })
        .onConflict('code')
        .merge({ name_el: unit.nameEl, name_en: unit.nameEn, kind: unit.kind, updated_at: now });
    const unitIds = new Map(
      ((await trx('org_unit').select('id', 'code')) as { id: string; code: string }[]).map((u) => [u.code, u.id]),
    );
    const userId = async (username: string) =>
      userIds.get(username) ?? ((await trx('app_user').where({ username }).first('id')) as { id: string }).id;
    // Parents and heads second: every unit and user of the document exists by now.
    for (const unit of doc.units)
      await trx('org_unit')
        .where({ code: unit.code })
        .update({
          parent_id: unit.parent === null ? null : unitIds.get(unit.parent)!,
          head_user_id: unit.head == null ? null : await userId(unit.head),
        });
    for (const user of doc.users) {
      const id = userIds.get(user.username)!;
      const memberships = user.memberships ?? [];
      if (memberships.some((m) => m.primary)) await trx('membership').where({ user_id: id }).update({ primary: false });
      for (const m of memberships)
        await trx('membership')
          .insert({ user_id: id, org_unit_id: unitIds.get(m.unit)!, position: m.position, primary: m.primary ?? false })
          .onConflict(['user_id', 'org_unit_id'])
          .merge(['position', 'primary']);
      for (const r of user.roles ?? []) {
        const orgUnitId = r.unit == null ? null : unitIds.get(r.unit)!;
        const held = await trx('user_role')
          .where({ user_id: id, role: r.role })
          .andWhere((q) => (orgUnitId === null ? q.whereNull('org_unit_id') : q.where({ org_unit_id: orgUnitId })))
          .first();
        if (!held) await trx('user_role').insert({ user_id: id, role: r.role, org_unit_id: orgUnitId });
      }
    }
    for (const d of doc.deputies ?? []) {
      const row = {
        absent_user_id: await userId(d.absent),
        deputy_user_id: await userId(d.deputy),
        from_date: d.from,
        to_date: d.to,
      };
      if (!(await trx('deputy').where(row).first())) await trx('deputy').insert({ ...row, reason: d.reason });
    }
    const counts = { units: doc.units.length, users: doc.users.length, deputies: doc.deputies?.length ?? 0 };
    await appendAudit(trx, actor, {
      action: 'org_chart.imported',
      objectType: 'org_chart',
      objectId: 'org_chart',
      details: { ...counts },
    });
    return { ok: true, value: counts };
  });
}
