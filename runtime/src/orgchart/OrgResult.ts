/** Stable ids of the expected failures of org chart commands. */
export type OrgErrorId =
  | 'org_unit_cycle'
  | 'org_unit_code_taken'
  | 'org_unit_not_found'
  | 'user_not_found'
  | 'username_taken'
  | 'tax_id_invalid'
  | 'tax_id_taken'
  | 'deputy_overlap'
  | 'deputy_dates_invalid'
  | 'deputy_self'
  | 'deputy_not_found'
  | 'deputy_already_ended'
  | 'membership_not_found'
  | 'role_not_found'
  | 'org_chart_invalid';

/** An expected failure: a stable id, the field at fault, and a message a person can act on. */
export interface OrgError {
  readonly id: OrgErrorId;
  readonly field: string;
  readonly message: string;
}

/** What a command returns: its value, or an expected failure as a value (never thrown). */
export type OrgResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: OrgError };

/** Builds a failed result. */
export const fail = (id: OrgErrorId, field: string, message: string): { ok: false; error: OrgError } => ({
  ok: false,
  error: { id, field, message },
});
