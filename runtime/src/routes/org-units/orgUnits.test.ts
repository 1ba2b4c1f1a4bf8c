import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../http/useTestApp.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const MISSING = '00000000-0000-4000-8000-000000000000';

interface Node {
  id: string;
  code: string;
  nameEn: string;
  parentId: string | null;
  children: Node[];
}
const find = (nodes: Node[], code: string): Node | undefined =>
  nodes.map((n) => (n.code === code ? n : find(n.children, code))).find(Boolean);

describe('org units API', () => {
  const app = useTestApp();
  const tree = async () =>
    ((await (await app.as('clerk')).request('GET', '/api/v1/org/units')).json as { units: Node[] }).units;
  const audit = async (objectId: string) =>
    (await (await app.as('admin')).request('GET', `/api/v1/audit?objectId=${objectId}`)).json.entries as {
      action: string;
      actorUsername: string | null;
      actorClientId: string | null;
      details: Record<string, unknown>;
    }[];

  it('should create a unit under a parent, show it in the tree and audit it', async () => {
    // given
    const admin = await app.as('admin');
    const dd = await app.unitId('DD');
    // when
    const response = await admin.request('POST', '/api/v1/org/units', {
      code: 'DD.NEW',
      nameEl: 'Νέο Τμήμα',
      nameEn: 'New Department',
      kind: 'department',
      parentId: dd,
      headUserId: await app.userId('k.petrou'),
    });
    // then
    expect(response.status).toBe(201);
    expect(response.json.unit).toEqual({
      id: expect.any(String),
      code: 'DD.NEW',
      nameEl: 'Νέο Τμήμα',
      nameEn: 'New Department',
      kind: 'department',
      parentId: dd,
      headUserId: await app.userId('k.petrou'),
    });
    expect(find(await tree(), 'DD')?.children.map((c) => c.code)).toContain('DD.NEW');
    expect(await audit(response.json.unit.id)).toMatchObject([
      { action: 'org_unit.created', actorUsername: 'n.papadopoulos' },
    ]);
  });

  it('should move and rename a unit in one PATCH, auditing both', async () => {
    // given
    const admin = await app.as('admin');
    const [gdm, dt] = [await app.unitId('DD.GDM'), await app.unitId('DT')];
    // when
    const response = await admin.request('PATCH', `/api/v1/org/units/${gdm}`, {
      parentId: dt,
      nameEn: "Citizens' Desk",
    });
    // then
    expect(response.status).toBe(200);
    expect(response.json.unit).toMatchObject({ id: gdm, code: 'DD.GDM', parentId: dt, nameEn: "Citizens' Desk" });
    expect(find(await tree(), 'DT')?.children.map((c) => c.code)).toContain('DD.GDM');
    expect((await audit(gdm)).map((e) => e.action)).toEqual(['org_unit.updated', 'org_unit.moved']);
  });

  it('should let a system with orgchart:write create a unit, audited as that system', async () => {
    // given
    const system = await app.as('writerSystem');
    // when
    const response = await system.request('POST', '/api/v1/org/units', {
      code: 'YDOM.A',
      nameEl: 'Τμήμα Α',
      nameEn: 'Department A',
      kind: 'department',
      parentId: await app.unitId('YDOM'),
    });
    // then
    expect(response.status).toBe(201);
    expect(await audit(response.json.unit.id)).toMatchObject([
      { action: 'org_unit.created', actorUsername: null, actorClientId: 'test-writerSystem' },
    ]);
  });

  it('should refuse an invalid body, naming the field at fault', async () => {
    // given
    const admin = await app.as('admin');
    // when
    const badKind = await admin.request('POST', '/api/v1/org/units', {
      code: 'DD.X',
      nameEl: 'Χ',
      nameEn: 'X',
      kind: 'ministry',
      parentId: null,
    });
    const unknownField = await admin.request('PATCH', `/api/v1/org/units/${await app.unitId('DD')}`, { colour: 'red' });
    const badId = await admin.request('PATCH', '/api/v1/org/units/not-a-uuid', { nameEn: 'X' });
    // then
    expect(badKind.status).toBe(400);
    expect(badKind.json.error).toMatchObject({ id: 'invalid_request', field: 'body.kind' });
    expect(unknownField.json.error).toMatchObject({ id: 'invalid_request', field: 'body.colour' });
    expect(badId.json.error).toMatchObject({ id: 'invalid_request', field: 'params.unitId' });
  });

  it('should answer a taken code or a cycle with 409 and an unknown unit with 404, changing nothing', async () => {
    // given
    const admin = await app.as('admin');
    const [dd, dhm] = [await app.unitId('DD'), await app.unitId('DD.DHM')];
    // when
    const taken = await admin.request('POST', '/api/v1/org/units', {
      code: 'DD',
      nameEl: 'Χ',
      nameEn: 'X',
      kind: 'directorate',
      parentId: null,
    });
    const cycle = await admin.request('PATCH', `/api/v1/org/units/${dd}`, { parentId: dhm, nameEn: 'Renamed' });
    const missing = await admin.request('PATCH', `/api/v1/org/units/${MISSING}`, { nameEn: 'X' });
    const missingParent = await admin.request('PATCH', `/api/v1/org/units/${dd}`, { parentId: MISSING });
    // then
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ id: 'org_unit_code_taken', field: 'body.code' });
    expect(cycle.status).toBe(409);
    expect(cycle.json.error).toMatchObject({ id: 'org_unit_cycle', field: 'body.parentId' });
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ id: 'org_unit_not_found', field: 'params.unitId' });
    expect(missingParent.status).toBe(404);
    expect(missingParent.json.error).toMatchObject({ id: 'org_unit_not_found', field: 'body.parentId' });
    expect(find(await tree(), 'DD')?.nameEn).toBe('Directorate of Administrative Services');
  });

  it('should let only admins and writer systems change units, and only staff and readers see them', async () => {
    // given
    const body = { code: 'DD.Y', nameEl: 'Υ', nameEn: 'Y', kind: 'office', parentId: null };
    // when
    const asClerk = await (await app.as('clerk')).request('POST', '/api/v1/org/units', body);
    const asHead = await (
      await app.as('headOfUnit')
    ).request('PATCH', `/api/v1/org/units/${await app.unitId('DD')}`, {
      nameEn: 'X',
    });
    const asReader = await (await app.as('readerSystem')).request('POST', '/api/v1/org/units', body);
    const citizenReads = await (await app.as('citizen')).request('GET', '/api/v1/org/units');
    const anonymousReads = await (await app.as('anonymous')).request('GET', '/api/v1/org/units');
    const readerReads = await (await app.as('readerSystem')).request('GET', '/api/v1/org/units');
    // then
    expect([asClerk.status, asHead.status, asReader.status, citizenReads.status]).toEqual([403, 403, 403, 403]);
    expect(asClerk.json.error.id).toBe('forbidden');
    expect(anonymousReads.status).toBe(401);
    expect(readerReads.status).toBe(200);
    expect(find(await tree(), 'DD.Y')).toBeUndefined();
  });

  it('should refuse a change without the CSRF token of the session', async () => {
    // given
    const admin = await app.as('admin');
    // when
    const response = await admin.request(
      'PATCH',
      `/api/v1/org/units/${await app.unitId('DD')}`,
      { nameEn: 'X' },
      { 'x-csrf-token': 'forged' },
    );
    // then
    expect(response.status).toBe(403);
    expect(response.json.error.id).toBe('csrf_invalid');
  });

  it('should document its operations in the OpenAPI document, with the schemas the answers match', async () => {
    // given
    const anonymous = await app.as('anonymous');
    // when
    const document = (await anonymous.request('GET', '/api/v1/openapi.json')).json;
    // then
    const units = document.paths['/org/units'];
    expect(units.get.operationId).toBe('listOrgUnits');
    expect(units.post.operationId).toBe('createOrgUnit');
    expect(units.post.requestBody.content['application/json'].schema.required).toEqual([
      'code',
      'nameEl',
      'nameEn',
      'kind',
      'parentId',
    ]);
    expect(units.post.security).toEqual([{ session: [] }, { oauth2: ['orgchart:write'] }]);
    const patch = document.paths['/org/units/{unitId}'].patch;
    expect(patch.operationId).toBe('updateOrgUnit');
    expect(patch.parameters).toEqual([expect.objectContaining({ name: 'unitId', in: 'path', required: true })]);
    const validate = addFormats(new Ajv2020({ strict: false })).compile(
      units.get.responses['200'].content['application/json'].schema,
    );
    const answer = (await (await app.as('readerSystem')).request('GET', '/api/v1/org/units')).json;
    expect(validate(answer), JSON.stringify(validate.errors)).toBe(true);
  });
});
