import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../http/useTestApp.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('org users API', () => {
  const app = useTestApp();
  const audit = async (objectId: string) =>
    (await (await app.as('admin')).request('GET', `/api/v1/audit?objectId=${objectId}`)).json.entries as {
      action: string;
      details: Record<string, unknown>;
    }[];
  const detail = async (userId: string) =>
    (await (await app.as('admin')).request('GET', `/api/v1/org/users/${userId}`)).json.user;

  it('should find staff by name within a unit and the units below it, with memberships and roles', async () => {
    // given
    const clerk = await app.as('clerk');
    // when
    const response = await clerk.request('GET', `/api/v1/org/users?unitId=${await app.unitId('DD')}&q=panag`);
    // then
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      total: 1,
      users: [
        {
          id: await app.userId('m.panagiotou'),
          username: 'm.panagiotou',
          displayNameEl: expect.any(String),
          displayNameEn: expect.any(String),
          email: expect.toSatisfy((v) => v === null || typeof v === 'string'),
          kind: 'staff',
          taxId: null,
          active: true,
          memberships: [{ orgUnitId: await app.unitId('DD.DHM'), position: 'Διοικητικός/ή υπάλληλος', primary: true }],
          roles: [{ id: expect.stringMatching(/^\d+$/), role: 'clerk', orgUnitId: await app.unitId('DD.DHM') }],
        },
      ],
    });
  });

  it('should list citizens to admins and readers only, and staff alone to other staff', async () => {
    // given
    const [clerk, admin, reader] = [await app.as('clerk'), await app.as('admin'), await app.as('readerSystem')];
    const citizen = await app.userId('c.papanikolaou');
    // when
    const clerkAll = await clerk.request('GET', '/api/v1/org/users?limit=200');
    const clerkCitizens = await clerk.request('GET', '/api/v1/org/users?kind=citizen');
    const clerkCitizen = await clerk.request('GET', `/api/v1/org/users/${citizen}`);
    const adminCitizens = await admin.request('GET', '/api/v1/org/users?kind=citizen&limit=2&offset=1');
    const readerCitizen = await reader.request('GET', `/api/v1/org/users/${citizen}`);
    // then
    expect(clerkAll.status).toBe(200);
    expect(clerkAll.json.users.every((u: { kind: string }) => u.kind === 'staff')).toBe(true);
    expect(clerkCitizens.status).toBe(403);
    expect(clerkCitizens.json.error).toMatchObject({ id: 'forbidden', message: expect.stringMatching(/citizens/) });
    expect(clerkCitizen.status).toBe(403);
    expect(adminCitizens.json).toMatchObject({
      total: 3,
      users: [{ username: 'c.papanikolaou' }, { username: 'c.sotiriou' }],
    });
    expect(readerCitizen.json.user).toMatchObject({ username: 'c.papanikolaou', taxId: '123456783', deputies: [] });
  });

  it('should create a user, change them, and show both through GET with audit entries', async () => {
    // given
    const admin = await app.as('admin');
    // when
    const created = await admin.request('POST', '/api/v1/org/users', {
      username: 'n.neou',
      displayNameEl: 'Νίκος Νέος',
      displayNameEn: 'Nikos Neos',
      email: 'n.neou@example.gr',
      kind: 'staff',
    });
    const id = created.json.user.id as string;
    const changed = await admin.request('PATCH', `/api/v1/org/users/${id}`, { email: null, active: false });
    // then
    expect(created.status).toBe(201);
    expect(created.json.user).toMatchObject({
      username: 'n.neou',
      kind: 'staff',
      active: true,
      memberships: [],
      roles: [],
    });
    expect(changed.status).toBe(200);
    expect(changed.json.user).toMatchObject({ id, email: null, active: false });
    expect(await detail(id)).toMatchObject({ username: 'n.neou', email: null, active: false, deputies: [] });
    expect(await audit(id)).toMatchObject([
      { action: 'user.updated', details: { before: { active: true }, after: { active: false } } },
      { action: 'user.created' },
    ]);
  });

  it('should put and remove a membership, and grant and revoke a role, each visible and audited', async () => {
    // given
    const admin = await app.as('admin');
    const [user, kep] = [await app.userId('f.zacharopoulou'), await app.unitId('DD.KEP')];
    // when
    const put = await admin.request('PUT', `/api/v1/org/users/${user}/memberships/${kep}`, {
      position: 'Υπάλληλος ΚΕΠ',
      primary: false,
    });
    const granted = await admin.request('POST', `/api/v1/org/users/${user}/roles`, { role: 'clerk', orgUnitId: kep });
    const afterAdding = await detail(user);
    const removed = await admin.request('DELETE', `/api/v1/org/users/${user}/memberships/${kep}`);
    const revoked = await admin.request('DELETE', `/api/v1/org/users/${user}/roles/${granted.json.role.id}`);
    const afterRemoving = await detail(user);
    // then
    expect(put.status).toBe(200);
    expect(put.json.membership).toEqual({ orgUnitId: kep, position: 'Υπάλληλος ΚΕΠ', primary: false });
    expect(granted.status).toBe(201);
    expect(granted.json.role).toEqual({ id: expect.stringMatching(/^\d+$/), role: 'clerk', orgUnitId: kep });
    expect(afterAdding.memberships).toContainEqual({ orgUnitId: kep, position: 'Υπάλληλος ΚΕΠ', primary: false });
    expect(afterAdding.roles).toContainEqual(granted.json.role);
    expect([removed.status, revoked.status]).toEqual([204, 204]);
    expect(afterRemoving.memberships.map((m: { orgUnitId: string }) => m.orgUnitId)).not.toContain(kep);
    expect(afterRemoving.roles).not.toContainEqual(granted.json.role);
    expect((await audit(user)).map((e) => e.action)).toEqual([
      'role.revoked',
      'membership.removed',
      'role.granted',
      'membership.assigned',
    ]);
  });

  it('should refuse an invalid body or query, naming the field at fault', async () => {
    // given
    const admin = await app.as('admin');
    // when
    const badTaxId = await admin.request('POST', '/api/v1/org/users', {
      username: 'c.new',
      displayNameEl: 'Χ',
      displayNameEn: 'X',
      kind: 'citizen',
      taxId: '123456789',
    });
    const badRole = await admin.request('POST', `/api/v1/org/users/${await app.userId('k.petrou')}/roles`, {
      role: 'mayor',
      orgUnitId: null,
    });
    const missingPrimary = await admin.request(
      'PUT',
      `/api/v1/org/users/${await app.userId('k.petrou')}/memberships/${await app.unitId('DD')}`,
      { position: 'X' },
    );
    const badLimit = await admin.request('GET', '/api/v1/org/users?limit=1000');
    // then
    expect(badTaxId.status).toBe(400);
    expect(badTaxId.json.error).toMatchObject({ id: 'tax_id_invalid', field: 'body.taxId' });
    expect(badRole.json.error).toMatchObject({ id: 'invalid_request', field: 'body.role' });
    expect(missingPrimary.json.error).toMatchObject({ id: 'invalid_request', field: 'body.primary' });
    expect(badLimit.json.error).toMatchObject({ id: 'invalid_request', field: 'query.limit' });
  });

  it('should answer a taken username with 409 and unknown users, units and grants with 404', async () => {
    // given
    const admin = await app.as('admin');
    const petrou = await app.userId('k.petrou');
    // when
    const taken = await admin.request('POST', '/api/v1/org/users', {
      username: 'k.petrou',
      displayNameEl: 'Χ',
      displayNameEn: 'X',
      kind: 'staff',
    });
    const noUser = await admin.request('PATCH', `/api/v1/org/users/${MISSING}`, { active: false });
    const noUnit = await admin.request('PUT', `/api/v1/org/users/${petrou}/memberships/${MISSING}`, {
      position: 'X',
      primary: false,
    });
    const notMember = await admin.request(
      'DELETE',
      `/api/v1/org/users/${petrou}/memberships/${await app.unitId('DT')}`,
    );
    const noGrant = await admin.request('DELETE', `/api/v1/org/users/${petrou}/roles/999999`);
    const noRoleUnit = await admin.request('POST', `/api/v1/org/users/${petrou}/roles`, {
      role: 'clerk',
      orgUnitId: MISSING,
    });
    // then
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ id: 'username_taken', field: 'body.username' });
    expect(noUser.status).toBe(404);
    expect(noUser.json.error).toMatchObject({ id: 'user_not_found', field: 'params.userId' });
    expect(noUnit.json.error).toMatchObject({ id: 'org_unit_not_found', field: 'params.unitId' });
    expect(notMember.status).toBe(404);
    expect(notMember.json.error).toMatchObject({ id: 'membership_not_found', field: 'params.unitId' });
    expect(noGrant.json.error).toMatchObject({ id: 'role_not_found', field: 'params.roleId' });
    expect(noRoleUnit.json.error).toMatchObject({ id: 'org_unit_not_found', field: 'body.orgUnitId' });
  });

  it('should let only admins and writer systems change people', async () => {
    // given
    const petrou = await app.userId('k.petrou');
    // when
    const asManager = await (
      await app.as('manager')
    ).request('PATCH', `/api/v1/org/users/${petrou}`, { active: false });
    const asReader = await (
      await app.as('readerSystem')
    ).request('POST', `/api/v1/org/users/${petrou}/roles`, {
      role: 'admin',
      orgUnitId: null,
    });
    const asCitizen = await (await app.as('citizen')).request('GET', '/api/v1/org/users');
    const asWriter = await (
      await app.as('writerSystem')
    ).request('PATCH', `/api/v1/org/users/${petrou}`, {
      displayNameEn: 'Konstantinos Petrou',
    });
    // then
    expect([asManager.status, asReader.status, asCitizen.status]).toEqual([403, 403, 403]);
    expect(asWriter.status).toBe(200);
    expect(await detail(petrou)).toMatchObject({ active: true, displayNameEn: 'Konstantinos Petrou' });
    expect((await detail(petrou)).roles.map((r: { role: string }) => r.role)).not.toContain('admin');
  });

  it('should document its operations in the OpenAPI document, with the schemas the answers match', async () => {
    // given
    const document = (await (await app.as('anonymous')).request('GET', '/api/v1/openapi.json')).json;
    // then
    expect(document.paths['/org/users'].get.operationId).toBe('listUsers');
    expect(document.paths['/org/users'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'q',
      'unitId',
      'kind',
      'limit',
      'offset',
    ]);
    expect(document.paths['/org/users'].post.operationId).toBe('createUser');
    expect(document.paths['/org/users/{userId}'].patch.operationId).toBe('updateUser');
    expect(document.paths['/org/users/{userId}/memberships/{unitId}'].put.operationId).toBe('putMembership');
    expect(document.paths['/org/users/{userId}/memberships/{unitId}'].delete.operationId).toBe('removeMembership');
    expect(
      document.paths['/org/users/{userId}/roles'].post.requestBody.content['application/json'].schema,
    ).toMatchObject({
      additionalProperties: false,
      required: ['role', 'orgUnitId'],
    });
    expect(document.paths['/org/users/{userId}/roles/{roleId}'].delete.operationId).toBe('revokeRole');
    const getUser = document.paths['/org/users/{userId}'].get;
    const validate = addFormats(new Ajv2020({ strict: false })).compile(
      getUser.responses['200'].content['application/json'].schema,
    );
    const answer = (await (await app.as('clerk')).request('GET', `/api/v1/org/users/${await app.userId('k.petrou')}`))
      .json;
    expect(validate(answer), JSON.stringify(validate.errors)).toBe(true);
    expect(answer.user.deputies).toHaveLength(1);
  });
});
