import { describe, expect, it } from 'vitest';
import { systemActor } from './Actor.js';
import demoOrgChart from './demo/demoOrgChart.json' with { type: 'json' };
import { exportOrgChart } from './exportOrgChart.js';
import { importOrgChart } from './importOrgChart.js';
import { isValidTaxId } from './isValidTaxId.js';
import { loadDemoOrgChart } from './loadDemoOrgChart.js';
import { unitsBelow } from './unitsBelow.js';
import { unitTree } from './unitTree.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

const TABLES = ['org_unit', 'app_user', 'membership', 'user_role', 'deputy'] as const;

describe('importOrgChart', () => {
  const fixture = useOrgChartDatabase();
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (t) => [t, Number(((await fixture.db.knex(t).count({ n: '*' })) as { n: string }[])[0]!.n)]),
      ),
    );

  it('should load the demo org chart when empty, and importing it again should change nothing', async () => {
    // when the demo loads on an empty database, then is imported again, then loads again
    const loaded = await loadDemoOrgChart(fixture.db.knex);
    const once = await counts();
    const again = await importOrgChart(fixture.db.knex, systemActor, demoOrgChart);
    const reloaded = await loadDemoOrgChart(fixture.db.knex);
    // then
    expect(loaded).toEqual({ units: 25, users: 33, deputies: 1 });
    expect(again.ok).toBe(true);
    expect(reloaded).toBeUndefined();
    expect(await counts()).toEqual(once);
    expect(once).toMatchObject({ org_unit: 25, app_user: 33, deputy: 1 });
  });

  it('should give the demo a single root with the DOMAIN tree, a head per department and valid citizen ΑΦΜ', async () => {
    const roots = await unitTree(fixture.db.knex);
    expect(roots.map((r) => r.code)).toEqual(['DAM']);
    const dd = (await fixture.db.knex('org_unit').where({ code: 'DD' }).first()).id as string;
    expect((await unitsBelow(fixture.db.knex, dd)).map((u) => u.code)).toEqual([
      'DD.DHM',
      'DD.GDM',
      'DD.KEP',
      'DD.PROT',
    ]);
    const headless = await fixture.db.knex('org_unit').where({ kind: 'department' }).whereNull('head_user_id');
    expect(headless).toEqual([]);
    const citizens = await fixture.db.knex('app_user').where({ kind: 'citizen' });
    expect(citizens).toHaveLength(3);
    for (const c of citizens) expect(isValidTaxId(c.tax_id)).toBe(true);
  });

  it('should export what it imported, and re-importing the export should change nothing', async () => {
    // given
    const before = await counts();
    // when
    const exported = await exportOrgChart(fixture.db.knex);
    const result = await importOrgChart(fixture.db.knex, systemActor, exported);
    // then
    expect(result.ok).toBe(true);
    expect(await counts()).toEqual(before);
    expect(exported.units.find((u) => u.code === 'DD.DHM')).toMatchObject({ parent: 'DD', head: 'd.alexiou' });
    expect(exported.deputies).toEqual(demoOrgChart.deputies);
  });

  it('should refuse an invalid document as a whole, naming the field, and write nothing', async () => {
    // given a document whose first parts are fine and whose last user has a wrong ΑΦΜ check digit
    const before = await counts();
    const doc = {
      version: 1,
      units: [{ code: 'NEW', nameEl: 'Νέα', nameEn: 'New', kind: 'office', parent: 'DAM' }],
      users: [
        { username: 'new.user', displayNameEl: 'Ν', displayNameEn: 'N', kind: 'staff' },
        { username: 'bad.citizen', displayNameEl: 'Β', displayNameEn: 'B', kind: 'citizen', taxId: '094259217' },
      ],
    };
    // when
    const result = await importOrgChart(fixture.db.knex, systemActor, doc);
    const badKind = await importOrgChart(fixture.db.knex, systemActor, {
      ...doc,
      units: [{ ...doc.units[0], kind: 'ministry' }],
    });
    const cycle = await importOrgChart(fixture.db.knex, systemActor, {
      version: 1,
      units: [{ code: 'DD', nameEl: 'Δ', nameEn: 'D', kind: 'directorate', parent: 'DD.DHM' }],
      users: [],
    });
    // then
    expect(result).toMatchObject({ ok: false, error: { id: 'org_chart_invalid', field: '/users/1/taxId' } });
    expect(badKind).toMatchObject({ ok: false, error: { field: '/units/0/kind' } });
    expect(cycle).toMatchObject({ ok: false, error: { id: 'org_unit_cycle', field: '/units/0/parent' } });
    expect(await counts()).toEqual(before);
  });
});
