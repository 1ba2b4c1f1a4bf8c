import { describe, expect, it } from 'vitest';
import type { Actor } from './Actor.js';
import { assignMembership } from './assignMembership.js';
import { createOrgUnit } from './createOrgUnit.js';
import { createUser } from './createUser.js';
import { grantRole } from './grantRole.js';
import { importOrgChart } from './importOrgChart.js';
import { moveOrgUnit } from './moveOrgUnit.js';
import type { OrgResult } from './OrgResult.js';
import { setDeputy } from './setDeputy.js';
import { updateOrgUnit } from './updateOrgUnit.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

const value = <T>(result: OrgResult<T>): T => {
  if (!result.ok) throw new Error(`Expected success, but ${result.error.id}: ${result.error.message}`);
  return result.value;
};

describe('the audit trail', () => {
  const fixture = useOrgChartDatabase();
  const entries = async () =>
    (await fixture.db.knex('audit_entry').orderBy('id')) as {
      id: string;
      action: string;
      object_id: string;
      actor_user_id: string | null;
      acting_for_user_id: string | null;
      source_ip: string | null;
    }[];

  it('should record exactly one entry per command, with who, acting for whom and from where', async () => {
    // given a system actor creating the first admin, who then acts for a colleague
    const knex = fixture.db.knex;
    const system: Actor = { userId: undefined, sourceIp: '10.0.0.1' };
    const admin = value(
      await createUser(knex, system, { username: 'admin', displayNameEl: 'Α', displayNameEn: 'A', kind: 'staff' }),
    );
    const clerk = value(
      await createUser(knex, system, { username: 'clerk', displayNameEl: 'Κ', displayNameEn: 'C', kind: 'staff' }),
    );
    const actor: Actor = { userId: admin.id, actingForUserId: clerk.id, sourceIp: '10.0.0.2' };
    const before = (await entries()).length;
    // when each command runs once
    const root = value(
      await createOrgUnit(knex, actor, { code: 'DAM', nameEl: 'Δ', nameEn: 'M', kind: 'municipality', parentId: null }),
    );
    const dd = value(
      await createOrgUnit(knex, actor, { code: 'DD', nameEl: 'Δ', nameEn: 'D', kind: 'directorate', parentId: null }),
    );
    value(
      await updateOrgUnit(knex, actor, dd.id, {
        nameEn: 'Directorate of Administrative Services',
        headUserId: admin.id,
      }),
    );
    value(await moveOrgUnit(knex, actor, dd.id, root.id));
    value(
      await assignMembership(knex, actor, { userId: clerk.id, orgUnitId: dd.id, position: 'Υπάλληλος', primary: true }),
    );
    value(await grantRole(knex, actor, { userId: clerk.id, role: 'clerk', orgUnitId: dd.id }));
    value(
      await setDeputy(knex, actor, {
        absentUserId: clerk.id,
        deputyUserId: admin.id,
        fromDate: '2026-01-01',
        toDate: '2026-01-02',
        reason: 'x',
      }),
    );
    value(await importOrgChart(knex, actor, { version: 1, units: [], users: [] }));
    // then
    const after = (await entries()).slice(before);
    expect(after.map((e) => e.action)).toEqual([
      'org_unit.created',
      'org_unit.created',
      'org_unit.updated',
      'org_unit.moved',
      'membership.assigned',
      'role.granted',
      'deputy.set',
      'org_chart.imported',
    ]);
    for (const entry of after)
      expect(entry).toMatchObject({ actor_user_id: admin.id, acting_for_user_id: clerk.id, source_ip: '10.0.0.2' });
    expect(after[0]!.object_id).toBe(root.id);
  });

  it('should write no entry when a command fails', async () => {
    // given
    const before = (await entries()).length;
    // when a command fails with a value
    const result = await createOrgUnit(
      fixture.db.knex,
      { userId: undefined, sourceIp: undefined },
      {
        code: 'DAM',
        nameEl: 'x',
        nameEn: 'x',
        kind: 'municipality',
        parentId: null,
      },
    );
    // then
    expect(result.ok).toBe(false);
    expect((await entries()).length).toBe(before);
  });

  it('should refuse to update or delete an audit entry', async () => {
    // given
    const [first] = await entries();
    // when / then
    await expect(fixture.db.knex('audit_entry').where({ id: first!.id }).update({ action: 'forged' })).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(fixture.db.knex('audit_entry').where({ id: first!.id }).delete()).rejects.toThrow(
      /append-only: DELETE/,
    );
    expect((await entries())[0]!.action).toBe(first!.action);
  });
});
