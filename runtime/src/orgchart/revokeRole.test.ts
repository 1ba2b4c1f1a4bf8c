import { describe, expect, it } from 'vitest';
import { systemActor } from './Actor.js';
import { createUser } from './createUser.js';
import { grantRole } from './grantRole.js';
import { revokeRole } from './revokeRole.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

describe('grantRole and revokeRole', () => {
  const fixture = useOrgChartDatabase();

  it('should give the grant an id that revokes it, the same id when granted again', async () => {
    // given
    const user = await createUser(fixture.db.knex, systemActor, {
      username: 'a.b',
      displayNameEl: 'Α',
      displayNameEn: 'A',
      kind: 'staff',
    });
    if (!user.ok) throw new Error(user.error.message);
    const granted = await grantRole(fixture.db.knex, systemActor, {
      userId: user.value.id,
      role: 'analyst',
      orgUnitId: null,
    });
    const again = await grantRole(fixture.db.knex, systemActor, {
      userId: user.value.id,
      role: 'analyst',
      orgUnitId: null,
    });
    const roleId = granted.ok ? granted.value.id : '';
    expect(roleId).toMatch(/^\d+$/);
    expect(again.ok && again.value.id).toBe(roleId);
    // when
    const revoked = await revokeRole(fixture.db.knex, systemActor, user.value.id, roleId);
    // then
    expect(revoked).toEqual({
      ok: true,
      value: { id: roleId, userId: user.value.id, role: 'analyst', orgUnitId: null },
    });
    expect(await fixture.db.knex('user_role').where({ user_id: user.value.id })).toEqual([]);
    const entry = (await fixture.db.knex('audit_entry').orderBy('id', 'desc').first()) as Record<string, unknown>;
    expect(entry).toMatchObject({ action: 'role.revoked', details: { roleId, role: 'analyst', orgUnitId: null } });
    // and revoking it again fails
    expect(await revokeRole(fixture.db.knex, systemActor, user.value.id, roleId)).toMatchObject({
      ok: false,
      error: { id: 'role_not_found', field: 'roleId' },
    });
  });
});
