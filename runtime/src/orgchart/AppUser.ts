/** The roles of the authorization model. */
export const ROLES = ['admin', 'analyst', 'clerk', 'head_of_unit', 'manager', 'operator', 'citizen'] as const;

/** One role. */
export type Role = (typeof ROLES)[number];

/** A person known to Polis: a member of staff or a citizen. */
export interface AppUser {
  readonly id: string;
  readonly username: string;
  readonly displayNameEl: string;
  readonly displayNameEn: string;
  readonly email: string | null;
  readonly kind: 'staff' | 'citizen';
  readonly taxId: string | null;
  readonly active: boolean;
}

/** The app_user row, as stored. */
export interface AppUserRow {
  id: string;
  username: string;
  display_name_el: string;
  display_name_en: string;
  email: string | null;
  kind: 'staff' | 'citizen';
  tax_id: string | null;
  active: boolean;
}

/** Maps a stored row to an {@link AppUser}. */
export const toAppUser = (row: AppUserRow): AppUser => ({
  id: row.id,
  username: row.username,
  displayNameEl: row.display_name_el,
  displayNameEn: row.display_name_en,
  email: row.email,
  kind: row.kind,
  taxId: row.tax_id,
  active: row.active,
});
