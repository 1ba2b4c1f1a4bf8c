import { describe, expect, it } from 'vitest';
import { useOrgChartDatabase } from '../../orgchart/useOrgChartDatabase.js';
import { deleteExpiredOidcPayloads, KnexAdapter } from './KnexAdapter.js';

describe('KnexAdapter', () => {
  const fixture = useOrgChartDatabase();
  const adapter = (model: string) => new KnexAdapter(fixture.db.knex, model);

  it('should store, replace and find a payload by id, uid and user code, per model', async () => {
    // given
    const sessions = adapter('Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a', exp: 1 }, 60);
    // when it is replaced
    await sessions.upsert('s1', { uid: 'u1', accountId: 'b' }, 60);
    await adapter('DeviceCode').upsert('d1', { userCode: 'ABCD-EFGH', grantId: 'g' }, 60);
    // then the last version is found, under its model only
    expect(await sessions.find('s1')).toEqual({ uid: 'u1', accountId: 'b' });
    expect(await sessions.findByUid('u1')).toEqual({ uid: 'u1', accountId: 'b' });
    expect(await adapter('Grant').find('s1')).toBeUndefined();
    expect(await adapter('DeviceCode').findByUserCode('ABCD-EFGH')).toMatchObject({ grantId: 'g' });
  });

  it('should treat an expired payload as absent, and delete it when asked', async () => {
    // given a payload that expired
    const codes = adapter('AuthorizationCode');
    await codes.upsert('old', { grantId: 'g-old' }, 60);
    await codes.upsert('forever', { grantId: 'g-old' });
    await fixture.db
      .knex('oidc_payload')
      .where({ id: 'old' })
      .update({ expires_at: new Date(Date.now() - 1000) });
    // when / then
    expect(await codes.find('old')).toBeUndefined();
    expect(await codes.find('forever')).toEqual({ grantId: 'g-old' });
    expect(await deleteExpiredOidcPayloads(fixture.db.knex)).toBe(1);
  });

  it('should mark a consumed payload with the time it was consumed', async () => {
    // given
    const codes = adapter('AuthorizationCode');
    await codes.upsert('c1', { grantId: 'g1' }, 60);
    // when
    await codes.consume('c1');
    // then
    const found = await codes.find('c1');
    expect(found?.consumed).toBeGreaterThan(Date.now() / 1000 - 5);
  });

  it('should destroy one payload, and revoke everything of a grant across models', async () => {
    // given
    await adapter('AccessToken').upsert('t1', { grantId: 'g2' }, 60);
    await adapter('RefreshToken').upsert('r1', { grantId: 'g2' }, 60);
    await adapter('AccessToken').upsert('t2', { grantId: 'other' }, 60);
    await adapter('Interaction').upsert('i1', { uid: 'i1' }, 60);
    // when
    await adapter('Interaction').destroy('i1');
    await adapter('AccessToken').revokeByGrantId('g2');
    // then
    expect(await adapter('Interaction').find('i1')).toBeUndefined();
    expect(await adapter('AccessToken').find('t1')).toBeUndefined();
    expect(await adapter('RefreshToken').find('r1')).toBeUndefined();
    expect(await adapter('AccessToken').find('t2')).toEqual({ grantId: 'other' });
  });
});
