import { describe, expect, it } from 'vitest';
import type { Actor } from './Actor.js';
import { createUser } from './createUser.js';
import { updateUser } from './updateUser.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

const actor: Actor = { userId: undefined, sourceIp: '127.0.0.1' };

describe('updateUser', () => {
  const fixture = useOrgChartDatabase();

  it('should change only the fields given and audit the before and after', async () => {
    // given
    const created = await createUser(fixture.db.knex, actor, {
      username: 'k.petrou',
      displayNameEl: 'Κ. Πέτρου',
      displayNameEn: 'K. Petrou',
      email: 'k.petrou@example.gr',
      kind: 'staff',
    });
    if (!created.ok) throw new Error(created.error.message);
    // when
    const result = await updateUser(fixture.db.knex, actor, created.value.id, { email: null, active: false });
    // then
    expect(result).toMatchObject({
      ok: true,
      value: { displayNameEl: 'Κ. Πέτρου', email: null, active: false, memberships: [], roles: [] },
    });
    const entry = (await fixture.db
      .knex('audit_entry')
      .where({ action: 'user.updated', object_id: created.value.id })
      .first()) as { details: { before: { email: string; active: boolean }; after: { email: null; active: boolean } } };
    expect(entry.details.before).toMatchObject({ email: 'k.petrou@example.gr', active: true });
    expect(entry.details.after).toMatchObject({ email: null, active: false });
  });

  it('should fail on an unknown user and write nothing', async () => {
    const result = await updateUser(fixture.db.knex, actor, '00000000-0000-4000-8000-000000000000', { active: true });
    expect(result).toMatchObject({ ok: false, error: { id: 'user_not_found', field: 'userId' } });
  });
});
