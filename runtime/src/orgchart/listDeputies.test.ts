import { describe, expect, it } from 'vitest';
import { systemActor } from './Actor.js';
import { listDeputies } from './listDeputies.js';
import { loadDemoOrgChart } from './loadDemoOrgChart.js';
import { setDeputy } from './setDeputy.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

describe('listDeputies', () => {
  const fixture = useOrgChartDatabase();
  const userId = async (username: string) =>
    ((await fixture.db.knex('app_user').where({ username }).first('id')) as { id: string }).id;

  it('should list the arrangements of a user, as absent user or deputy, and those in force on a day', async () => {
    // given the demo arrangement (k.petrou → m.panagiotou, 2026-11-16 to 2026-12-04) and one more
    await loadDemoOrgChart(fixture.db.knex);
    const [petrou, panagiotou, alexiou] = [
      await userId('k.petrou'),
      await userId('m.panagiotou'),
      await userId('d.alexiou'),
    ];
    await setDeputy(fixture.db.knex, systemActor, {
      absentUserId: alexiou,
      deputyUserId: petrou,
      fromDate: '2027-01-10',
      toDate: '2027-01-20',
      reason: 'Εκπαίδευση',
    });
    // when
    const ofPetrou = await listDeputies(fixture.db.knex, { userId: petrou });
    const ofPanagiotou = await listDeputies(fixture.db.knex, { userId: panagiotou });
    const onDay = await listDeputies(fixture.db.knex, { on: '2027-01-20' });
    const dayAfter = await listDeputies(fixture.db.knex, { on: '2027-01-21' });
    // then
    expect(ofPetrou.map((d) => [d.absentUserId, d.fromDate, d.toDate])).toEqual([
      [petrou, '2026-11-16', '2026-12-04'],
      [alexiou, '2027-01-10', '2027-01-20'],
    ]);
    expect(ofPanagiotou).toHaveLength(1);
    expect(onDay).toEqual([
      {
        id: expect.stringMatching(/^\d+$/),
        absentUserId: alexiou,
        deputyUserId: petrou,
        fromDate: '2027-01-10',
        toDate: '2027-01-20',
        reason: 'Εκπαίδευση',
      },
    ]);
    expect(dayAfter).toEqual([]);
  });
});
