import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../http/useTestApp.js';

interface Unit {
  code: string;
  nameEl: string;
  nameEn: string;
  kind: string;
  parent: string | null;
  head?: string | null;
}
interface User {
  username: string;
  taxId?: string | null;
}

describe('org chart import and export API', () => {
  const app = useTestApp();
  const unitNamed = async (code: string) => {
    const units = (await (await app.as('clerk')).request('GET', '/api/v1/org/units')).json.units;
    const all: { code: string; nameEn: string; parentId: string | null; children: unknown[] }[] = [];
    const walk = (nodes: typeof all) => nodes.forEach((n) => (all.push(n), walk(n.children as typeof all)));
    walk(units);
    return all.find((u) => u.code === code);
  };
  const imports = async () =>
    (await (await app.as('admin')).request('GET', '/api/v1/audit?objectId=org_chart&actionPrefix=org_chart.')).json
      .entries as { action: string; actorUsername: string | null; actorClientId: string | null; details: unknown }[];

  it('should export the org chart as a JSON attachment and as CSV', async () => {
    // given
    const admin = await app.as('admin');
    // when
    const json = await admin.request('GET', '/api/v1/org/export');
    const csv = await admin.request('GET', '/api/v1/org/export?format=csv');
    // then
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="?org-chart\.json"?$/);
    expect(json.json.version).toBe(1);
    expect(json.json.units).toContainEqual(
      expect.objectContaining({ code: 'DD.DHM', parent: 'DD', head: 'd.alexiou' }),
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="?org-chart\.csv"?$/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('code,name_el,name_en,kind,parent,head');
    expect(lines).toContain('username,display_name_el,display_name_en,email,kind,tax_id,active,unit,position,roles');
  });

  it('should import a JSON document, show the change and audit it once', async () => {
    // given the exported document with one more unit
    const admin = await app.as('admin');
    const document = (await admin.request('GET', '/api/v1/org/export')).json as { units: Unit[] };
    document.units.push({ code: 'DT.NEW', nameEl: 'Νέο', nameEn: 'New', kind: 'office', parent: 'DT' });
    const before = (await imports()).length;
    // when
    const response = await admin.request('POST', '/api/v1/org/import', document);
    // then
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ counts: { units: document.units.length, users: expect.any(Number), deputies: 1 } });
    expect(await unitNamed('DT.NEW')).toMatchObject({ nameEn: 'New', parentId: expect.any(String) });
    const entries = await imports();
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]).toMatchObject({ action: 'org_chart.imported', actorUsername: 'n.papadopoulos' });
  });

  it('should import the exported CSV back with a change, from a system with orgchart:write', async () => {
    // given
    const csv = (await (await app.as('admin')).request('GET', '/api/v1/org/export?format=csv')).text;
    // when
    const response = await (
      await app.as('writerSystem')
    ).request('POST', '/api/v1/org/import', csv.replace("Mayor's Office", 'Office of the Mayor'));
    // then
    expect(response.status).toBe(200);
    expect(response.json.counts.units).toBeGreaterThan(20);
    expect((await unitNamed('MAY'))?.nameEn).toBe('Office of the Mayor');
    expect((await imports())[0]).toMatchObject({ actorClientId: 'test-writerSystem' });
  });

  it('should refuse an invalid document naming the field, or the section, line and column of a CSV', async () => {
    // given
    const admin = await app.as('admin');
    const document = (await admin.request('GET', '/api/v1/org/export')).json as { units: Unit[]; users: User[] };
    const citizen = document.users.findIndex((u) => u.username === 'c.papanikolaou');
    const csv = (await admin.request('GET', '/api/v1/org/export?format=csv')).text;
    const csvLines = csv.split('\r\n');
    const citizenLine = csvLines.findIndex((l) => l.startsWith('c.papanikolaou,')) + 1;
    // when
    const badTaxId = await admin.request('POST', '/api/v1/org/import', {
      ...document,
      users: document.users.map((u, i) => (i === citizen ? { ...u, taxId: '123456789' } : u)),
    });
    const badKind = await admin.request('POST', '/api/v1/org/import', {
      ...document,
      units: [{ ...document.units[0]!, kind: 'ministry' }, ...document.units.slice(1)],
    });
    const badCsv = await admin.request('POST', '/api/v1/org/import', csv.replace('123456783', '123456789'));
    const unitsOnly = await admin.request('POST', '/api/v1/org/import', csvLines.slice(0, 3).join('\r\n'));
    const plainText = await admin.request('POST', '/api/v1/org/import', 'hello', { 'content-type': 'text/plain' });
    // then
    expect(badTaxId.status).toBe(400);
    expect(badTaxId.json.error).toMatchObject({ id: 'org_chart_invalid', field: `body.users[${citizen}].taxId` });
    expect(badKind.json.error).toMatchObject({ id: 'invalid_request', field: 'body.units[0].kind' });
    expect(badCsv.status).toBe(400);
    expect(badCsv.json.error).toMatchObject({ id: 'org_chart_invalid', field: `people.csv:${citizenLine}:tax_id` });
    expect(unitsOnly.json.error).toMatchObject({ id: 'org_chart_invalid', field: 'csv' });
    expect(plainText.status).toBe(415);
  });

  it('should answer a cycle with 409 and change nothing', async () => {
    // given DD placed below its own department
    const admin = await app.as('admin');
    const document = (await admin.request('GET', '/api/v1/org/export')).json as { units: Unit[] };
    const dd = document.units.findIndex((u) => u.code === 'DD');
    document.units[dd] = { ...document.units[dd]!, parent: 'DD.DHM', nameEn: 'Changed' };
    // when
    const response = await admin.request('POST', '/api/v1/org/import', document);
    // then
    expect(response.status).toBe(409);
    expect(response.json.error).toMatchObject({ id: 'org_unit_cycle', field: `body.units[${dd}].parent` });
    expect((await unitNamed('DD'))?.nameEn).toBe('Directorate of Administrative Services');
  });

  it('should let only admins and systems with the scopes export and import', async () => {
    // given
    const document = (await (await app.as('admin')).request('GET', '/api/v1/org/export')).json;
    // when
    const clerkExport = await (await app.as('clerk')).request('GET', '/api/v1/org/export');
    const managerImport = await (await app.as('manager')).request('POST', '/api/v1/org/import', document);
    const readerImport = await (await app.as('readerSystem')).request('POST', '/api/v1/org/import', document);
    const readerExport = await (await app.as('readerSystem')).request('GET', '/api/v1/org/export?format=csv');
    // then
    expect([clerkExport.status, managerImport.status, readerImport.status]).toEqual([403, 403, 403]);
    expect(readerExport.status).toBe(200);
  });

  it('should document import and export in the OpenAPI document', async () => {
    // given
    const document = (await (await app.as('anonymous')).request('GET', '/api/v1/openapi.json')).json;
    // then
    const importOperation = document.paths['/org/import'].post;
    expect(importOperation.operationId).toBe('importOrgChart');
    expect(Object.keys(importOperation.requestBody.content)).toEqual(['application/json', 'text/csv']);
    expect(importOperation.requestBody.content['application/json'].schema).toMatchObject({
      required: ['version', 'units', 'users'],
    });
    expect(importOperation.responses['200'].content['application/json'].schema.required).toEqual(['counts']);
    const exportOperation = document.paths['/org/export'].get;
    expect(exportOperation.operationId).toBe('exportOrgChart');
    expect(exportOperation.parameters).toEqual([expect.objectContaining({ name: 'format', in: 'query' })]);
  });
});
