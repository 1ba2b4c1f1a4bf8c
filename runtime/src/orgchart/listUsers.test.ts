import { describe, expect, it } from 'vitest';
import { listUsers } from './listUsers.js';
import { loadDemoOrgChart } from './loadDemoOrgChart.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

describe('listUsers', () => {
  const fixture = useOrgChartDatabase();
  const unitId = async (code: string) =>
    ((await fixture.db.knex('org_unit').where({ code }).first('id')) as { id: string }).id;

  it('should list the members of a unit and the units below it, with memberships and roles', async () => {
    // given the demo org chart
    await loadDemoOrgChart(fixture.db.knex);
    // when
    const result = await listUsers(fixture.db.knex, { unitId: await unitId('DD'), q: 'PETR' });
    // then
    expect(result.ok).toBe(true);
    const page = result.ok ? result.value : undefined;
    expect(page?.total).toBe(1);
    expect(page?.users[0]).toMatchObject({
      username: 'k.petrou',
      kind: 'staff',
      memberships: [{ orgUnitId: await unitId('DD.DHM'), primary: true }],
      roles: [{ role: 'clerk', orgUnitId: await unitId('DD.DHM'), id: expect.stringMatching(/^\d+$/) }],
    });
  });

  it('should page by username and count all matches', async () => {
    // when
    const first = await listUsers(fixture.db.knex, { kind: 'citizen', limit: 2 });
    const second = await listUsers(fixture.db.knex, { kind: 'citizen', limit: 2, offset: 2 });
    // then
    const names = (r: typeof first) => (r.ok ? r.value.users.map((u) => u.username) : []);
    expect(names(first)).toEqual(['c.economou', 'c.papanikolaou']);
    expect(names(second)).toEqual(['c.sotiriou']);
    expect(first.ok && first.value.total).toBe(3);
  });

  it('should treat % and _ in the search text as literal characters', async () => {
    const result = await listUsers(fixture.db.knex, { q: '%' });
    expect(result.ok && result.value.total).toBe(0);
  });

  it('should fail on an unknown unit', async () => {
    const result = await listUsers(fixture.db.knex, { unitId: '00000000-0000-4000-8000-000000000000' });
    expect(result).toMatchObject({ ok: false, error: { id: 'org_unit_not_found', field: 'unitId' } });
  });
});
