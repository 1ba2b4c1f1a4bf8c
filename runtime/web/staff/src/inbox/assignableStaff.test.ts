import { describe, expect, it } from 'vitest';
import type { OrgUnitNode, UserSummary } from '../api/types';
import { assignableStaff } from './assignableStaff';

const unit = (id: string, children: OrgUnitNode[] = []): OrgUnitNode => ({
  id,
  code: id,
  nameEl: id,
  nameEn: id,
  kind: 'department',
  parentId: null,
  headUserId: null,
  children,
});
const person = (username: string, unitId: string, active = true): UserSummary => ({
  id: username,
  username,
  displayNameEl: username,
  displayNameEn: username,
  email: null,
  kind: 'staff',
  taxId: null,
  active,
  memberships: [{ orgUnitId: unitId, position: '', primary: true }],
  roles: [],
});
const units = [unit('DD', [unit('DD.DHM'), unit('DD.KEP')]), unit('DT', [unit('DT.OD')])];
const staff = [
  person('petrou', 'DD.DHM'),
  person('kep', 'DD.KEP'),
  person('road', 'DT.OD'),
  person('gone', 'DD.DHM', false),
];

describe('whom a head of unit may assign tasks to', () => {
  it('should offer the active members of the units they head and those below, nobody else', () => {
    const head = [
      { role: 'head_of_unit' as const, orgUnitId: 'DD.DHM' },
      { role: 'clerk' as const, orgUnitId: 'DT' },
    ];
    expect(assignableStaff(head, units, staff).map((u) => u.username)).toEqual(['petrou']);
    const director = [{ role: 'manager' as const, orgUnitId: 'DD' }];
    expect(assignableStaff(director, units, staff).map((u) => u.username)).toEqual(['petrou', 'kep']);
  });

  it('should offer everyone active to a grant without a unit, and nobody to a clerk', () => {
    expect(assignableStaff([{ role: 'manager', orgUnitId: null }], units, staff)).toHaveLength(3);
    expect(assignableStaff([{ role: 'clerk', orgUnitId: 'DD' }], units, staff)).toEqual([]);
  });
});
