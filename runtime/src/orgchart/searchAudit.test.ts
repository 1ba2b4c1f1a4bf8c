import { describe, expect, it } from 'vitest';
import type { Actor } from './Actor.js';
import { createOrgUnit } from './createOrgUnit.js';
import { createUser } from './createUser.js';
import { grantRole } from './grantRole.js';
import type { OrgResult } from './OrgResult.js';
import { searchAudit, type AuditFilter, type AuditPage } from './searchAudit.js';
import { updateOrgUnit } from './updateOrgUnit.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

const value = <T>(result: OrgResult<T> | { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(`Expected success, but ${result.error.message}`);
  return result.value;
};

describe('searchAudit', () => {
  const fixture = useOrgChartDatabase();
  const seeded = {} as { admin: string; clerk: string; unit: string };
  const search = async (filter: AuditFilter, pageSize = 200): Promise<AuditPage> =>
    value(await searchAudit(fixture.db.knex, filter, { pageSize }));
  const actions = async (filter: AuditFilter) => (await search(filter)).entries.map((e) => e.action);

  it('should find entries by actor, acting-for, action prefix and object, newest first', async () => {
    // given an admin who creates a unit acting for a clerk, then grants a role in their own name
    const knex = fixture.db.knex;
    const system: Actor = { userId: undefined, sourceIp: '10.0.0.1' };
    const newUser = (username: string) =>
      createUser(knex, system, { username, displayNameEl: username, displayNameEn: username, kind: 'staff' });
    seeded.admin = value(await newUser('admin')).id;
    seeded.clerk = value(await newUser('clerk')).id;
    const asAdminForClerk: Actor = { userId: seeded.admin, actingForUserId: seeded.clerk, sourceIp: '10.0.0.2' };
    const asAdmin: Actor = { userId: seeded.admin, sourceIp: '10.0.0.2' };
    seeded.unit = value(
      await createOrgUnit(knex, asAdminForClerk, {
        code: 'DDY',
        nameEl: 'Διεύθυνση Διοικητικών Υπηρεσιών',
        nameEn: 'Directorate of Administrative Services',
        kind: 'directorate',
        parentId: null,
      }),
    ).id;
    value(await updateOrgUnit(knex, asAdminForClerk, seeded.unit, { nameEn: 'Administrative Services' }));
    value(await grantRole(knex, asAdmin, { userId: seeded.clerk, role: 'clerk', orgUnitId: seeded.unit }));
    // when / then
    expect(await actions({})).toEqual([
      'role.granted',
      'org_unit.updated',
      'org_unit.created',
      'user.created',
      'user.created',
    ]);
    expect(await actions({ actorUserId: seeded.admin })).toEqual([
      'role.granted',
      'org_unit.updated',
      'org_unit.created',
    ]);
    expect(await actions({ actingForUserId: seeded.clerk })).toEqual(['org_unit.updated', 'org_unit.created']);
    expect(await actions({ actionPrefix: 'org_unit.' })).toEqual(['org_unit.updated', 'org_unit.created']);
    expect(await actions({ objectType: 'org_unit', objectId: seeded.unit })).toEqual([
      'org_unit.updated',
      'org_unit.created',
    ]);
    // filters combine: the admin's entries on users are the grant, and none of them was for the clerk
    expect(await actions({ objectType: 'app_user', actorUserId: seeded.admin })).toEqual(['role.granted']);
    expect(await actions({ objectType: 'app_user', actingForUserId: seeded.clerk })).toEqual([]);
    const [created] = (await search({ actionPrefix: 'org_unit.created' })).entries;
    expect(created).toMatchObject({
      actorUserId: seeded.admin,
      actorUsername: 'admin',
      actingForUserId: seeded.clerk,
      actingForUsername: 'clerk',
      objectType: 'org_unit',
      objectId: seeded.unit,
      sourceIp: '10.0.0.2',
      details: { code: 'DDY' },
    });
    expect(created!.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  });

  it('should treat % and _ in an action prefix as literal characters', async () => {
    expect(await actions({ actionPrefix: 'org_unit_' })).toEqual([]);
    expect(await actions({ actionPrefix: '%' })).toEqual([]);
    expect(await actions({ actionPrefix: 'role' })).toEqual(['role.granted']);
  });

  it('should find entries from an instant inclusive to another exclusive', async () => {
    // given the times of the entries, oldest first
    const all = [...(await search({})).entries].reverse();
    const [, , unitCreated, unitUpdated] = all;
    // when / then
    expect(await actions({ from: unitCreated!.at, to: unitUpdated!.at })).toEqual(['org_unit.created']);
    expect(await actions({ from: unitUpdated!.at })).toEqual(['role.granted', 'org_unit.updated']);
    expect(await actions({ to: unitCreated!.at })).toEqual(['user.created', 'user.created']);
    expect(await actions({ from: '2100-01-01T00:00:00+02:00' })).toEqual([]);
  });

  it('should page by id, newest first, with no entry repeated or skipped even when entries are appended', async () => {
    // given
    const everything = (await search({})).entries.map((e) => e.id);
    // when paging two at a time, with a new entry appended after the first page
    const first = await search({}, 2);
    value(
      await createUser(
        fixture.db.knex,
        { userId: undefined, sourceIp: undefined },
        { username: 'late', displayNameEl: 'late', displayNameEn: 'late', kind: 'citizen' },
      ),
    );
    const pages = [first];
    while (pages.at(-1)!.nextBeforeId !== null)
      pages.push(value(await searchAudit(fixture.db.knex, {}, { pageSize: 2, beforeId: pages.at(-1)!.nextBeforeId! })));
    // then
    expect(pages.map((p) => p.entries.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.entries.map((e) => e.id))).toEqual(everything);
  });

  it('should refuse a malformed filter, cursor or page size', async () => {
    const knex = fixture.db.knex;
    expect(await searchAudit(knex, {}, { pageSize: 201 })).toMatchObject({
      ok: false,
      error: { id: 'audit_search_invalid', field: 'pageSize' },
    });
    expect(await searchAudit(knex, {}, { pageSize: 0 })).toMatchObject({ ok: false, error: { field: 'pageSize' } });
    expect(await searchAudit(knex, {}, { beforeId: '1; drop table' })).toMatchObject({
      ok: false,
      error: { field: 'beforeId' },
    });
    expect(await searchAudit(knex, { actorUserId: 'admin' })).toMatchObject({
      ok: false,
      error: { field: 'actorUserId' },
    });
    expect(await searchAudit(knex, { from: '2026-03-02' })).toMatchObject({ ok: false, error: { field: 'from' } });
    expect(await searchAudit(knex, { from: '2026-03-02T10:00:00Z', to: '2026-03-02T12:00:00+02:00' })).toMatchObject({
      ok: false,
      error: { field: 'to' },
    });
    expect(await searchAudit(knex, {}, { pageSize: 200 })).toMatchObject({ ok: true });
  });
});
