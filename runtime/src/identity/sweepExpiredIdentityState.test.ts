import { describe, expect, it } from 'vitest';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { createSession } from './sessions.js';
import { createUserWithPassword } from './signOnHarness.js';
import { sweepExpiredIdentityState } from './sweepExpiredIdentityState.js';

describe('sweepExpiredIdentityState', () => {
  const fixture = useOrgChartDatabase();

  it('should delete expired sessions, provider state and day-old failed sign-ins, and keep the live ones', async () => {
    // given a live and an expired session, live and expired provider state, and a recent and an old failure
    const knex = fixture.db.knex;
    const userId = await createUserWithPassword(knex, 'e.sweep', 'pass phrase');
    const now = new Date('2026-11-26T10:00:00Z');
    const hour = 3600 * 1000;
    await createSession(knex, userId, 8 * hour);
    await knex('session').insert({ id: 'expired', user_id: userId, expires_at: new Date(now.getTime() - hour) });
    await knex('oidc_payload').insert([
      { model: 'Session', id: 'live', payload: '{}', expires_at: new Date(now.getTime() + hour) },
      { model: 'Session', id: 'gone', payload: '{}', expires_at: new Date(now.getTime() - hour) },
    ]);
    await knex('login_attempt').insert([
      { scope: 'username', key: 'e.sweep', at: new Date(now.getTime() - hour) },
      { scope: 'username', key: 'e.sweep', at: new Date(now.getTime() - 25 * hour) },
    ]);
    // when the sweep runs
    const swept = await sweepExpiredIdentityState(knex, now);
    // then only what was past its time is gone
    expect(swept).toEqual({ oidcPayloads: 1, sessions: 1, loginAttempts: 1 });
    expect(await knex('session').pluck('id')).not.toContain('expired');
    expect(await knex('oidc_payload').pluck('id')).toEqual(['live']);
    expect(Number((await knex('login_attempt').count({ n: '*' }))[0]!.n)).toBe(1);
  });
});
