import { describe, expect, it } from 'vitest';
import type { Actor } from './Actor.js';
import { createUser } from './createUser.js';
import { effectiveDeputiesOn } from './effectiveDeputiesOn.js';
import { setDeputy } from './setDeputy.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';
import { whoActsFor } from './whoActsFor.js';

const actor: Actor = { userId: undefined, sourceIp: '127.0.0.1' };

describe('setDeputy', () => {
  const fixture = useOrgChartDatabase();
  const user = async (username: string) => {
    const result = await createUser(fixture.db.knex, actor, {
      username,
      displayNameEl: username,
      displayNameEn: username,
      kind: 'staff',
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.id;
  };

  it('should let a deputy act for an absent user only within the dates', async () => {
    // given
    const [petrou, panagiotou] = [await user('k.petrou'), await user('m.panagiotou')];
    // when
    const result = await setDeputy(fixture.db.knex, actor, {
      absentUserId: petrou,
      deputyUserId: panagiotou,
      fromDate: '2026-03-02',
      toDate: '2026-03-13',
      reason: 'Κανονική άδεια',
    });
    // then
    expect(result.ok).toBe(true);
    expect((await whoActsFor(fixture.db.knex, petrou, '2026-03-13')).map((u) => u.username)).toEqual(['m.panagiotou']);
    expect(await whoActsFor(fixture.db.knex, petrou, '2026-03-14')).toEqual([]);
    expect(await effectiveDeputiesOn(fixture.db.knex, '2026-03-01')).toEqual([]);
    expect(await effectiveDeputiesOn(fixture.db.knex, '2026-03-02')).toMatchObject([
      { absentUsername: 'k.petrou', deputyUsername: 'm.panagiotou', fromDate: '2026-03-02', toDate: '2026-03-13' },
    ]);
  });

  it('should refuse an arrangement that overlaps another for the same absent user', async () => {
    // given the arrangement above, 2–13 March, and a third colleague
    const petrou = (await fixture.db.knex('app_user').where({ username: 'k.petrou' }).first()).id as string;
    const other = await user('f.zacharopoulou');
    // when a second one starts on its last day
    const result = await setDeputy(fixture.db.knex, actor, {
      absentUserId: petrou,
      deputyUserId: other,
      fromDate: '2026-03-13',
      toDate: '2026-03-20',
      reason: 'Παράταση',
    });
    // then
    expect(result).toMatchObject({ ok: false, error: { id: 'deputy_overlap', field: 'fromDate' } });
    expect(Number((await fixture.db.knex('deputy').count({ n: '*' }))[0]!.n)).toBe(1);
  });

  it('should refuse reversed dates and a user deputising for themself', async () => {
    const petrou = (await fixture.db.knex('app_user').where({ username: 'k.petrou' }).first()).id as string;
    const base = { absentUserId: petrou, deputyUserId: petrou, reason: 'x' };
    expect(
      await setDeputy(fixture.db.knex, actor, { ...base, fromDate: '2026-05-02', toDate: '2026-05-01' }),
    ).toMatchObject({ ok: false, error: { id: 'deputy_dates_invalid', field: 'toDate' } });
    expect(
      await setDeputy(fixture.db.knex, actor, { ...base, fromDate: '2026-05-01', toDate: '2026-05-02' }),
    ).toMatchObject({ ok: false, error: { id: 'deputy_self', field: 'deputyUserId' } });
  });
});
