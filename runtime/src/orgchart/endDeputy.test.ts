import { describe, expect, it } from 'vitest';
import { systemActor } from './Actor.js';
import { createUser } from './createUser.js';
import { endDeputy } from './endDeputy.js';
import { setDeputy } from './setDeputy.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

describe('endDeputy', () => {
  const fixture = useOrgChartDatabase();
  let absent = '';
  let deputy = '';
  const arrange = async (fromDate: string, toDate: string) => {
    if (!absent) {
      for (const username of ['k.petrou', 'm.panagiotou']) {
        const user = await createUser(fixture.db.knex, systemActor, {
          username,
          displayNameEl: username,
          displayNameEn: username,
          kind: 'staff',
        });
        if (!user.ok) throw new Error(user.error.message);
        if (absent) deputy = user.value.id;
        else absent = user.value.id;
      }
    }
    const set = await setDeputy(fixture.db.knex, systemActor, {
      absentUserId: absent,
      deputyUserId: deputy,
      fromDate,
      toDate,
      reason: 'Άδεια',
    });
    if (!set.ok) throw new Error(set.error.message);
    return set.value.id;
  };
  const lastAudit = async () =>
    (await fixture.db.knex('audit_entry').orderBy('id', 'desc').first()) as { action: string; details: unknown };

  it('should delete an arrangement that has not started, and one that starts today', async () => {
    // given
    const future = await arrange('2026-03-10', '2026-03-12');
    const startsToday = await arrange('2026-03-01', '2026-03-05');
    // when
    const ended = await endDeputy(fixture.db.knex, systemActor, future, '2026-03-01');
    const endedToday = await endDeputy(fixture.db.knex, systemActor, startsToday, '2026-03-01');
    // then
    expect(ended).toMatchObject({ ok: true, value: { before: { fromDate: '2026-03-10' }, after: null } });
    expect(endedToday).toMatchObject({ ok: true, value: { after: null } });
    expect(await fixture.db.knex('deputy').whereIn('id', [future, startsToday])).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: 'deputy.ended', details: { after: null } });
  });

  it('should cut a started arrangement short to end yesterday', async () => {
    // given
    const started = await arrange('2026-04-01', '2026-04-30');
    // when
    const result = await endDeputy(fixture.db.knex, systemActor, started, '2026-04-10');
    // then
    expect(result).toMatchObject({
      ok: true,
      value: { before: { toDate: '2026-04-30' }, after: { fromDate: '2026-04-01', toDate: '2026-04-09' } },
    });
    expect(await lastAudit()).toMatchObject({
      action: 'deputy.ended',
      details: { before: { id: started, toDate: '2026-04-30' }, after: { toDate: '2026-04-09' } },
    });
  });

  it('should refuse to end an arrangement that is over, or one that does not exist', async () => {
    // given
    const past = await arrange('2026-01-01', '2026-01-31');
    // when
    const over = await endDeputy(fixture.db.knex, systemActor, past, '2026-02-01');
    const unknown = await endDeputy(fixture.db.knex, systemActor, '999999', '2026-02-01');
    // then
    expect(over).toMatchObject({ ok: false, error: { id: 'deputy_already_ended', field: 'deputyId' } });
    expect(unknown).toMatchObject({ ok: false, error: { id: 'deputy_not_found', field: 'deputyId' } });
  });
});
