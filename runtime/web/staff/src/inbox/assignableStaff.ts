import type { OrgUnitNode, RoleGrant, UserSummary } from '../api/types';
import { findUnit, flattenUnits } from '../orgchart/unitTree';

/** The roles that may assign tasks (as the server's ASSIGNING_ROLES). */
const ASSIGNING = new Set(['head_of_unit', 'manager']);

/**
 * Whom a head of unit may give tasks to: the active members of the units they head or manage and the units below
 * them (everyone, for a grant without a unit). The server checks each assignment again.
 */
export function assignableStaff(
  grants: readonly RoleGrant[],
  units: readonly OrgUnitNode[],
  staff: readonly UserSummary[],
): UserSummary[] {
  const mine = grants.filter((g) => ASSIGNING.has(g.role));
  const active = staff.filter((u) => u.active && u.kind === 'staff');
  if (mine.some((g) => g.orgUnitId === null)) return active;
  const reach = new Set<string>();
  for (const grant of mine) {
    const unit = findUnit(units, grant.orgUnitId);
    if (unit) for (const { unit: below } of flattenUnits([unit])) reach.add(below.id);
  }
  return active.filter((u) => u.memberships.some((m) => reach.has(m.orgUnitId)));
}
