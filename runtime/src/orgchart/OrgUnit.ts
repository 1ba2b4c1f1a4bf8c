/** The kinds of org unit in a Greek municipality's ΟΕΥ, from the municipality down to an office. */
export const ORG_UNIT_KINDS = [
  'municipality',
  'general_directorate',
  'directorate',
  'department',
  'office',
  'autonomous',
] as const;

/** One kind of org unit. */
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** An org unit as commands and queries return it. */
export interface OrgUnit {
  readonly id: string;
  readonly code: string;
  readonly nameEl: string;
  readonly nameEn: string;
  readonly kind: OrgUnitKind;
  readonly parentId: string | null;
  readonly headUserId: string | null;
}

/** The org_unit row, as stored. */
export interface OrgUnitRow {
  id: string;
  code: string;
  name_el: string;
  name_en: string;
  kind: OrgUnitKind;
  parent_id: string | null;
  head_user_id: string | null;
}

/** Maps a stored row to an {@link OrgUnit}. */
export const toOrgUnit = (row: OrgUnitRow): OrgUnit => ({
  id: row.id,
  code: row.code,
  nameEl: row.name_el,
  nameEn: row.name_en,
  kind: row.kind,
  parentId: row.parent_id,
  headUserId: row.head_user_id,
});
