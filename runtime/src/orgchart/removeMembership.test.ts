import { describe, expect, it } from 'vitest';
import { systemActor } from './Actor.js';
import { loadDemoOrgChart } from './loadDemoOrgChart.js';
import { removeMembership } from './removeMembership.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

describe('removeMembership', () => {
  const fixture = useOrgChartDatabase();
  const id = async (table: string, where: Record<string, string>) =>
    ((await fixture.db.knex(table).where(where).first('id')) as { id: string }).id;

  it('should end a membership and audit what it was', async () => {
    // given k.petrou, a member of DD.DHM
    await loadDemoOrgChart(fixture.db.knex);
    const [petrou, dhm] = [await id('app_user', { username: 'k.petrou' }), await id('org_unit', { code: 'DD.DHM' })];
    // when
    const result = await removeMembership(fixture.db.knex, systemActor, petrou, dhm);
    // then
    expect(result).toMatchObject({ ok: true, value: { userId: petrou, orgUnitId: dhm, primary: true } });
    expect(await fixture.db.knex('membership').where({ user_id: petrou })).toEqual([]);
    const entry = (await fixture.db.knex('audit_entry').orderBy('id', 'desc').first()) as Record<string, unknown>;
    expect(entry).toMatchObject({
      action: 'membership.removed',
      object_id: petrou,
      details: { orgUnitId: dhm, position: 'Διοικητικός/ή υπάλληλος', primary: true },
    });
  });

  it('should fail when the user is not a member of the unit', async () => {
    // given
    const [petrou, dhm] = [await id('app_user', { username: 'k.petrou' }), await id('org_unit', { code: 'DD.DHM' })];
    // when it is removed a second time
    const result = await removeMembership(fixture.db.knex, systemActor, petrou, dhm);
    // then
    expect(result).toMatchObject({ ok: false, error: { id: 'membership_not_found', field: 'orgUnitId' } });
  });
});
