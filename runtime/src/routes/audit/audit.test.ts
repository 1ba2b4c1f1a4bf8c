import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../http/useTestApp.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

describe('audit API', () => {
  const app = useTestApp();
  const renameUnit = async (code: string, nameEn: string) => {
    const unitId = await app.unitId(code);
    const response = await (await app.as('admin')).request('PATCH', `/api/v1/org/units/${unitId}`, { nameEn });
    expect(response.status).toBe(200);
    return unitId;
  };

  it('should find the entries of an object, newest first, page by page', async () => {
    // given two changes to one unit
    const admin = await app.as('admin');
    const unitId = await renameUnit('DK', 'First');
    await renameUnit('DK', 'Second');
    // when
    const first = await admin.request('GET', `/api/v1/audit?objectType=org_unit&objectId=${unitId}&pageSize=1`);
    const second = await admin.request(
      'GET',
      `/api/v1/audit?objectType=org_unit&objectId=${unitId}&pageSize=1&beforeId=${first.json.nextBeforeId}`,
    );
    // then
    expect(first.status).toBe(200);
    expect(first.json.entries).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^\d+$/),
        at: expect.stringMatching(/Z$/),
        action: 'org_unit.updated',
        objectType: 'org_unit',
        objectId: unitId,
        actorUserId: await app.userId('n.papadopoulos'),
        actorUsername: 'n.papadopoulos',
        details: expect.objectContaining({ after: expect.objectContaining({ nameEn: 'Second' }) }),
      }),
    ]);
    expect(first.json.nextBeforeId).toBe(first.json.entries[0].id);
    expect(second.json.entries[0].details.after.nameEn).toBe('First');
    expect(second.json.nextBeforeId).toBeNull();
  });

  it('should export the matching entries as a CSV attachment', async () => {
    // given
    const unitId = await renameUnit('DPR', 'Exported');
    // when
    const response = await (
      await app.as('writerSystem')
    ).request('GET', `/api/v1/audit/export.csv?actionPrefix=org_unit.&objectId=${unitId}`);
    // then
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?audit-\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    const [header, row, end] = response.text.split('\r\n');
    expect(header).toMatch(/^id,at,actor_username,/);
    expect(row).toContain(`,org_unit.updated,org_unit,${unitId},`);
    expect(end).toBe('');
  });

  it('should refuse an invalid filter, naming the query parameter at fault', async () => {
    // given
    const admin = await app.as('admin');
    // when
    const reversed = await admin.request('GET', '/api/v1/audit?from=2026-03-02T10:00:00Z&to=2026-03-02T09:00:00Z');
    const badInstant = await admin.request('GET', '/api/v1/audit/export.csv?from=yesterday');
    const badUser = await admin.request('GET', '/api/v1/audit?actorUserId=42');
    const typo = await admin.request('GET', '/api/v1/audit?actor=n.papadopoulos');
    const badCursor = await admin.request('GET', '/api/v1/audit?beforeId=abc');
    // then
    expect(reversed.status).toBe(400);
    expect(reversed.json.error).toMatchObject({ id: 'audit_search_invalid', field: 'query.to' });
    expect(badInstant.json.error).toMatchObject({ id: 'audit_search_invalid', field: 'query.from' });
    expect(badUser.json.error).toMatchObject({ id: 'invalid_request', field: 'query.actorUserId' });
    expect(typo.json.error).toMatchObject({ id: 'invalid_request', field: 'query.actor' });
    expect(badCursor.json.error).toMatchObject({ id: 'audit_search_invalid', field: 'query.beforeId' });
  });

  it('should let only admins and systems with audit:read read the trail', async () => {
    // when
    const statuses = [];
    for (const persona of ['clerk', 'headOfUnit', 'manager', 'analyst', 'operator', 'citizen', 'readerSystem'] as const)
      statuses.push((await (await app.as(persona)).request('GET', '/api/v1/audit')).status);
    const anonymous = await (await app.as('anonymous')).request('GET', '/api/v1/audit/export.csv');
    // then
    expect(statuses).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(anonymous.status).toBe(401);
  });

  it('should document its operations in the OpenAPI document, with the schemas the answers match', async () => {
    // given
    const document = (await (await app.as('anonymous')).request('GET', '/api/v1/openapi.json')).json;
    // then
    const search = document.paths['/audit'].get;
    expect(search.operationId).toBe('searchAudit');
    expect(search.security).toEqual([{ session: [] }, { oauth2: ['audit:read'] }]);
    expect(search.parameters.map((p: { name: string }) => p.name)).toContain('beforeId');
    const exportCsv = document.paths['/audit/export.csv'].get;
    expect(exportCsv.operationId).toBe('exportAuditCsv');
    expect(Object.keys(exportCsv.responses['200'].content)).toEqual(['text/csv']);
    const validate = addFormats(new Ajv2020({ strict: false })).compile(
      search.responses['200'].content['application/json'].schema,
    );
    const answer = (await (await app.as('admin')).request('GET', '/api/v1/audit?pageSize=20')).json;
    expect(answer.entries.length).toBeGreaterThan(0);
    expect(validate(answer), JSON.stringify(validate.errors)).toBe(true);
  });
});
