import { describe, expect, it } from 'vitest';
import { systemActor } from './Actor.js';
import { changeOrgUnit } from './changeOrgUnit.js';
import { loadDemoOrgChart } from './loadDemoOrgChart.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

describe('changeOrgUnit', () => {
  const fixture = useOrgChartDatabase();
  const unit = async (code: string) =>
    (await fixture.db.knex('org_unit').where({ code }).first('id', 'code', 'name_en', 'parent_id')) as {
      id: string;
      code: string;
      name_en: string;
      parent_id: string | null;
    };

  it('should move a unit and change its fields together, auditing each', async () => {
    // given
    await loadDemoOrgChart(fixture.db.knex);
    const [gdm, dt] = [await unit('DD.GDM'), await unit('DT')];
    // when
    const result = await changeOrgUnit(fixture.db.knex, systemActor, gdm.id, { parentId: dt.id, nameEn: 'Citizens' });
    // then
    expect(result).toMatchObject({ ok: true, value: { parentId: dt.id, nameEn: 'Citizens' } });
    const actions = (await fixture.db.knex('audit_entry').where({ object_id: gdm.id }).orderBy('id')).map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(['org_unit.moved', 'org_unit.updated']);
  });

  it('should change nothing when one part fails', async () => {
    // given
    const [dd, dhm] = [await unit('DD'), await unit('DD.DHM')];
    // when the code is taken, after a valid move
    const result = await changeOrgUnit(fixture.db.knex, systemActor, dhm.id, { parentId: null, code: 'DD' });
    // then
    expect(result).toMatchObject({ ok: false, error: { id: 'org_unit_code_taken', field: 'code' } });
    expect((await unit('DD.DHM')).parent_id).toBe(dd.id);
    expect(await fixture.db.knex('audit_entry').where({ object_id: dhm.id })).toEqual([]);
  });

  it('should refuse to move a unit below itself', async () => {
    const [dd, dhm] = [await unit('DD'), await unit('DD.DHM')];
    const result = await changeOrgUnit(fixture.db.knex, systemActor, dd.id, { parentId: dhm.id });
    expect(result).toMatchObject({ ok: false, error: { id: 'org_unit_cycle', field: 'newParentId' } });
  });
});
