import type { ApiClient } from '../../../shared/api/createApiClient';
import type {
  AuditEntry,
  Deputy,
  Me,
  Membership,
  OrgUnitNode,
  RoleGrant,
  UnitKind,
  UserDetail,
  UserSummary,
} from './types';

/** The fields of a unit an admin may set. */
export interface UnitInput {
  readonly code: string;
  readonly nameEl: string;
  readonly nameEn: string;
  readonly kind: UnitKind;
  readonly parentId: string | null;
  readonly headUserId?: string | null;
}

/** The fields of a user an admin may change. */
export interface UserPatch {
  readonly displayNameEl?: string;
  readonly displayNameEn?: string;
  readonly email?: string | null;
  readonly active?: boolean;
}

/** A filter of the audit trail; every field is optional. */
export interface AuditQuery {
  readonly actorUserId?: string;
  readonly actionPrefix?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly from?: string;
  readonly to?: string;
}

const id = encodeURIComponent;

/** The staff app's calls of the org chart and audit API, one function per route of the contract. */
export function orgApi(api: ApiClient) {
  return {
    me: () => api.get<Me>('/me'),
    units: async () => (await api.get<{ units: OrgUnitNode[] }>('/org/units')).units,
    createUnit: async (input: UnitInput) => (await api.post<{ unit: OrgUnitNode }>('/org/units', input)).unit,
    updateUnit: async (unitId: string, patch: Partial<UnitInput>) =>
      (await api.patch<{ unit: OrgUnitNode }>(`/org/units/${id(unitId)}`, patch)).unit,
    users: (query: { q?: string; unitId?: string; kind?: 'staff' | 'citizen'; limit?: number; offset?: number }) =>
      api.get<{ users: UserSummary[]; total: number }>('/org/users', query),
    user: async (userId: string) => (await api.get<{ user: UserDetail }>(`/org/users/${id(userId)}`)).user,
    updateUser: async (userId: string, patch: UserPatch) =>
      (await api.patch<{ user: UserSummary }>(`/org/users/${id(userId)}`, patch)).user,
    putMembership: (userId: string, unitId: string, body: { position: string; primary: boolean }) =>
      api.put<{ membership: Membership }>(`/org/users/${id(userId)}/memberships/${id(unitId)}`, body),
    removeMembership: (userId: string, unitId: string) =>
      api.delete(`/org/users/${id(userId)}/memberships/${id(unitId)}`),
    grantRole: async (userId: string, grant: { role: string; orgUnitId: string | null }) =>
      (await api.post<{ role: RoleGrant }>(`/org/users/${id(userId)}/roles`, grant)).role,
    revokeRole: (userId: string, roleId: string) => api.delete(`/org/users/${id(userId)}/roles/${id(roleId)}`),
    deputies: async (query: { userId?: string; on?: string }) =>
      (await api.get<{ deputies: Deputy[] }>('/org/deputies', query)).deputies,
    addDeputy: async (body: Omit<Deputy, 'id'>) => (await api.post<{ deputy: Deputy }>('/org/deputies', body)).deputy,
    endDeputy: (deputyId: string) => api.delete(`/org/deputies/${id(deputyId)}`),
    audit: (query: AuditQuery & { beforeId?: string; pageSize?: number }) =>
      api.get<{ entries: AuditEntry[]; nextBeforeId: string | null }>('/audit', { ...query }),
    auditCsvUrl: (query: AuditQuery) => api.url('/audit/export.csv', { ...query }),
  };
}

/** The org chart API bound to a client. */
export type OrgApi = ReturnType<typeof orgApi>;
