import { describe, expect, it } from 'vitest';
import { getUserDetail } from './getUserDetail.js';
import { loadDemoOrgChart } from './loadDemoOrgChart.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

describe('getUserDetail', () => {
  const fixture = useOrgChartDatabase();
  const userId = async (username: string) =>
    ((await fixture.db.knex('app_user').where({ username }).first('id')) as { id: string }).id;

  it('should give a user with the deputy arrangements they are absent in or deputise in', async () => {
    // given the demo org chart, where m.panagiotou deputises for k.petrou
    await loadDemoOrgChart(fixture.db.knex);
    const [petrou, panagiotou] = [await userId('k.petrou'), await userId('m.panagiotou')];
    // when
    const absent = await getUserDetail(fixture.db.knex, petrou);
    const deputy = await getUserDetail(fixture.db.knex, panagiotou);
    // then
    const arrangement = {
      absentUserId: petrou,
      deputyUserId: panagiotou,
      fromDate: '2026-11-16',
      toDate: '2026-12-04',
      reason: 'Κανονική άδεια',
    };
    expect(absent).toMatchObject({ ok: true, value: { username: 'k.petrou', deputies: [arrangement] } });
    expect(deputy).toMatchObject({ ok: true, value: { username: 'm.panagiotou', deputies: [arrangement] } });
    expect(absent.ok && absent.value.roles).toEqual([
      { id: expect.any(String), role: 'clerk', orgUnitId: expect.any(String) },
    ]);
  });

  it('should fail on an unknown user', async () => {
    const result = await getUserDetail(fixture.db.knex, '00000000-0000-4000-8000-000000000000');
    expect(result).toMatchObject({ ok: false, error: { id: 'user_not_found', field: 'userId' } });
  });
});
