import { describe, expect, it } from 'vitest';
import type { Actor } from './Actor.js';
import { createOrgUnit } from './createOrgUnit.js';
import { createUser } from './createUser.js';
import { exportAuditCsv } from './exportAuditCsv.js';
import { parseCsv } from './parseCsv.js';
import { searchAudit } from './searchAudit.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

const HEADER = [
  'id',
  'at',
  'actor_username',
  'actor_user_id',
  'actor_client_id',
  'acting_for_username',
  'acting_for_user_id',
  'action',
  'object_type',
  'object_id',
  'source_ip',
  'details',
];

describe('exportAuditCsv', () => {
  const fixture = useOrgChartDatabase();
  const staff = async (username: string) => {
    const created = await createUser(
      fixture.db.knex,
      { userId: undefined, sourceIp: undefined },
      { username, displayNameEl: username, displayNameEn: username, kind: 'staff' },
    );
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  };

  it('should export the entries the same search finds, newest first, with a header and quoted cells', async () => {
    // given an admin who creates two units, one acting for a clerk, with commas and quotes in a name
    const knex = fixture.db.knex;
    const [adminId, clerkId] = [await staff('admin'), await staff('clerk')];
    const admin: Actor = { userId: adminId, sourceIp: '10.0.0.2' };
    const unit = (code: string, actor: Actor) =>
      createOrgUnit(knex, actor, { code, nameEl: 'Τμήμα "Α", Β', nameEn: 'D', kind: 'department', parentId: null });
    expect((await unit('TDK', admin)).ok).toBe(true);
    expect((await unit('TPR', { ...admin, actingForUserId: clerkId })).ok).toBe(true);
    // when
    const result = await exportAuditCsv(knex, { actorUserId: adminId });
    // then
    if (!result.ok) throw new Error(result.error.message);
    const search = await searchAudit(knex, { actorUserId: adminId });
    if (!search.ok) throw new Error(search.error.message);
    const rows = parseCsv(result.value).map((r) => r.cells);
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual(search.value.entries.map((e) => e.id));
    const [newest, oldest] = search.value.entries;
    expect(rows[1]).toEqual([
      newest!.id,
      newest!.at,
      'admin',
      adminId,
      '',
      'clerk',
      clerkId,
      'org_unit.created',
      'org_unit',
      newest!.objectId,
      '10.0.0.2',
      JSON.stringify(newest!.details),
    ]);
    expect(rows[2]!.slice(5, 7)).toEqual(['', '']);
    expect(JSON.parse(rows[2]![11]!)).toMatchObject({ code: 'TDK', nameEl: 'Τμήμα "Α", Β' });
    expect(rows[2]![9]).toBe(oldest!.objectId);
  });

  it('should neutralize a cell that a spreadsheet would run as a formula', async () => {
    // given a user whose username looks like a formula, who then acts
    const knex = fixture.db.knex;
    const sly = await staff('=HYPERLINK("http://evil")');
    await createOrgUnit(
      knex,
      { userId: sly, sourceIp: undefined },
      {
        code: 'GD',
        nameEl: 'Γραφείο Δημάρχου',
        nameEn: "Mayor's Office",
        kind: 'office',
        parentId: null,
      },
    );
    // when
    const result = await exportAuditCsv(knex, { actorUserId: sly });
    // then the cell is kept as text, and no other cell is changed
    if (!result.ok) throw new Error(result.error.message);
    const rows = parseCsv(result.value).map((r) => r.cells);
    expect(rows).toHaveLength(2);
    expect(rows[1]![2]).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[1]![3]).toBe(sly);
  });

  it('should export only the header when nothing matches, and refuse a malformed filter', async () => {
    const knex = fixture.db.knex;
    expect(await exportAuditCsv(knex, { actionPrefix: 'nothing.' })).toEqual({
      ok: true,
      value: HEADER.join(',') + '\r\n',
    });
    expect(await exportAuditCsv(knex, { to: 'yesterday' })).toMatchObject({
      ok: false,
      error: { id: 'audit_search_invalid', field: 'to' },
    });
  });
});
