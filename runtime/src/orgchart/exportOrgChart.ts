import type { Knex } from 'knex';
import type { OrgChartDocument } from './orgChartSchema.js';
import type { AppUserRow } from './AppUser.js';

/** The whole org chart as a document in the import format, sorted by code and username. */
export async function exportOrgChart(knex: Knex): Promise<OrgChartDocument> {
  const units = (await knex('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .leftJoin('app_user as h', 'h.id', 'u.head_user_id')
    .orderBy('u.code')
    .select('u.code', 'u.name_el', 'u.name_en', 'u.kind', 'p.code as parent', 'h.username as head')) as {
    code: string;
    name_el: string;
    name_en: string;
    kind: OrgChartDocument['units'][number]['kind'];
    parent: string | null;
    head: string | null;
  }[];
  const users = (await knex('app_user').orderBy('username')) as AppUserRow[];
  const memberships = (await knex('membership as m')
    .join('org_unit as u', 'u.id', 'm.org_unit_id')
    .orderBy([{ column: 'm.primary', order: 'desc' }, 'u.code'])
    .select('m.user_id', 'u.code as unit', 'm.position', 'm.primary')) as {
    user_id: string;
    unit: string;
    position: string;
    primary: boolean;
  }[];
  const roles = (await knex('user_role as r')
    .leftJoin('org_unit as u', 'u.id', 'r.org_unit_id')
    .orderBy(['r.role', 'u.code'])
    .select('r.user_id', 'r.role', 'u.code as unit')) as {
    user_id: string;
    role: NonNullable<OrgChartDocument['users'][number]['roles']>[number]['role'];
    unit: string | null;
  }[];
  const deputies = (await knex('deputy as d')
    .join('app_user as a', 'a.id', 'd.absent_user_id')
    .join('app_user as s', 's.id', 'd.deputy_user_id')
    .orderBy(['a.username', 'd.from_date'])
    .select(
      'a.username as absent',
      's.username as deputy',
      knex.raw(`to_char(d.from_date, 'YYYY-MM-DD') as "from"`),
      knex.raw(`to_char(d.to_date, 'YYYY-MM-DD') as "to"`),
      'd.reason',
    )) as NonNullable<OrgChartDocument['deputies']>;
  return {
    version: 1,
    units: units.map((u) => ({
      code: u.code,
      nameEl: u.name_el,
      nameEn: u.name_en,
      kind: u.kind,
      parent: u.parent,
      head: u.head,
    })),
    users: users.map((u) => ({
      username: u.username,
      displayNameEl: u.display_name_el,
      displayNameEn: u.display_name_en,
      email: u.email,
      kind: u.kind,
      taxId: u.tax_id,
      active: u.active,
      memberships: memberships
        .filter((m) => m.user_id === u.id)
        .map((m) => ({ unit: m.unit, position: m.position, primary: m.primary })),
      roles: roles.filter((r) => r.user_id === u.id).map((r) => ({ role: r.role, unit: r.unit })),
    })),
    deputies: deputies.map((d) => ({ absent: d.absent, deputy: d.deputy, from: d.from, to: d.to, reason: d.reason })),
  };
}
