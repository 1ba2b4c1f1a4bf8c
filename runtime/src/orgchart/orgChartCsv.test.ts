import { describe, expect, it } from 'vitest';
import { systemActor } from './Actor.js';
import demoOrgChart from './demo/demoOrgChart.json' with { type: 'json' };
import { importOrgChart } from './importOrgChart.js';
import { exportOrgChartCsv, importOrgChartCsv } from './orgChartCsv.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

const UNITS = `code,name_el,name_en,kind,parent,head
DAM,Δήμος Αμαρουσίου,Municipality of Marousi,municipality,,
DD,Διεύθυνση Διοικητικών Υπηρεσιών,Directorate of Administrative Services,directorate,DAM,m.konst
`;
const PEOPLE = `username,display_name_el,display_name_en,email,kind,tax_id,active,unit,position,roles
m.konst,Μαρία Κωνσταντίνου,Maria Konstantinou,,staff,,true,DD,Διευθύντρια,manager@DD;head_of_unit@DD
c.one,"Παπάς, Γιάννης","Papas, Giannis",,citizen,094259216,,,,citizen
`;

describe('importOrgChartCsv', () => {
  const fixture = useOrgChartDatabase();
  const total = async (table: string) =>
    Number(((await fixture.db.knex(table).count({ n: '*' })) as { n: string }[])[0]!.n);

  it('should refuse a bad row naming the file, line and column, and write nothing', async () => {
    // given people.csv whose third line has an ΑΦΜ with a wrong check digit
    const people = PEOPLE.replace('094259216', '094259217');
    // when
    const result = await importOrgChartCsv(fixture.db.knex, systemActor, { units: UNITS, people });
    // then
    expect(result).toMatchObject({ ok: false, error: { field: 'people.csv:3:tax_id' } });
    expect(!result.ok && result.error.message).toMatch(/^people\.csv line 3, column tax_id: 094259217/);
    expect(await total('org_unit')).toBe(0);
    expect(await total('app_user')).toBe(0);
    expect(await total('audit_entry')).toBe(0);
  });

  it('should name the line and column of an unknown kind or parent in units.csv', async () => {
    const kind = await importOrgChartCsv(fixture.db.knex, systemActor, {
      units: UNITS.replace('directorate,DAM', 'ministry,DAM'),
      people: PEOPLE,
    });
    const parent = await importOrgChartCsv(fixture.db.knex, systemActor, {
      units: UNITS.replace('directorate,DAM', 'directorate,XYZ'),
      people: PEOPLE,
    });
    expect(kind).toMatchObject({ ok: false, error: { field: 'units.csv:3:kind' } });
    expect(parent).toMatchObject({ ok: false, error: { field: 'units.csv:3:parent' } });
  });

  it('should import the two files, and import them twice without changes', async () => {
    // when
    const first = await importOrgChartCsv(fixture.db.knex, systemActor, { units: UNITS, people: PEOPLE });
    const second = await importOrgChartCsv(fixture.db.knex, systemActor, { units: UNITS, people: PEOPLE });
    // then
    expect(first).toEqual({ ok: true, value: { units: 2, users: 2, deputies: 0 } });
    expect(second.ok).toBe(true);
    expect(await total('org_unit')).toBe(2);
    expect(await total('user_role')).toBe(3);
    const citizen = await fixture.db.knex('app_user').where({ username: 'c.one' }).first();
    expect(citizen).toMatchObject({ display_name_el: 'Παπάς, Γιάννης', tax_id: '094259216', active: true });
  });

  it('should export the demo org chart as CSV that imports back without changes', async () => {
    // given
    expect((await importOrgChart(fixture.db.knex, systemActor, demoOrgChart)).ok).toBe(true);
    const before = [await total('org_unit'), await total('app_user'), await total('user_role')];
    // when
    const files = await exportOrgChartCsv(fixture.db.knex);
    const result = await importOrgChartCsv(fixture.db.knex, systemActor, files);
    // then
    expect(result.ok).toBe(true);
    expect(files.units.split('\r\n')[0]).toBe('code,name_el,name_en,kind,parent,head');
    expect([await total('org_unit'), await total('app_user'), await total('user_role')]).toEqual(before);
  });
});
