/** The shapes of the org chart and audit API (docs/api/orgchart-contract.md), as the staff app reads them. */

export const UNIT_KINDS = [
  'municipality',
  'general_directorate',
  'directorate',
  'department',
  'office',
  'autonomous',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = ['admin', 'analyst', 'clerk', 'head_of_unit', 'manager', 'operator', 'citizen'] as const;
export type Role = (typeof ROLES)[number];

/** A grant of a role, everywhere (orgUnitId null) or in one unit and the units below it. */
export interface RoleGrant {
  readonly id?: string;
  readonly role: Role;
  readonly orgUnitId: string | null;
}

/** The signed-in user as `GET /me` returns them. */
export interface Me {
  readonly user: {
    readonly id: string;
    readonly username: string;
    readonly displayNameEl: string;
    readonly displayNameEn: string;
    readonly kind: 'staff' | 'citizen';
    readonly roles: readonly RoleGrant[];
    /** Colleagues the user deputises for today (their tasks are the user's to work on too). */
    readonly actingFor?: readonly { readonly userId: string; readonly username: string }[];
  };
  readonly csrfToken: string;
}

/** One org unit of the tree. */
export interface OrgUnitNode {
  readonly id: string;
  readonly code: string;
  readonly nameEl: string;
  readonly nameEn: string;
  readonly kind: UnitKind;
  readonly parentId: string | null;
  readonly headUserId: string | null;
  readonly children: readonly OrgUnitNode[];
}

/** A user's place in a unit. */
export interface Membership {
  readonly orgUnitId: string;
  readonly position: string;
  readonly primary: boolean;
}

/** A deputy arrangement: who acts for an absent user, from and to which day (inclusive). */
export interface Deputy {
  readonly id: string;
  readonly absentUserId: string;
  readonly deputyUserId: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly reason: string;
}

/** A user as lists return them. */
export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly displayNameEl: string;
  readonly displayNameEn: string;
  readonly email: string | null;
  readonly kind: 'staff' | 'citizen';
  readonly taxId: string | null;
  readonly active: boolean;
  readonly memberships: readonly Membership[];
  readonly roles: readonly RoleGrant[];
}

/** A user with their deputy arrangements (as absent user or as deputy). */
export interface UserDetail extends UserSummary {
  readonly deputies: readonly Deputy[];
}

/** One entry of the audit trail. */
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actorUserId: string | null;
  readonly actorUsername: string | null;
  readonly actingForUserId: string | null;
  readonly actingForUsername: string | null;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly sourceIp: string | null;
}
