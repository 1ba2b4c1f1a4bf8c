import { describe, expect, it } from 'vitest';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { loginRateLimiter, type LoginAttempt } from './loginRateLimiter.js';

describe('loginRateLimiter', () => {
  const fixture = useOrgChartDatabase();
  const clock = (start: string) => {
    let time = new Date(start).getTime();
    return {
      now: () => new Date(time),
      advance: (seconds: number) => {
        time += seconds * 1000;
      },
    };
  };
  const limiterAt = (start: string) => {
    const c = clock(start);
    return { ...c, limiter: loginRateLimiter(fixture.db.knex, { now: c.now }) };
  };
  const failTimes = async (
    limiter: ReturnType<typeof loginRateLimiter>,
    attempt: LoginAttempt,
    times: number,
    advance?: () => void,
  ) => {
    for (let i = 0; i < times; i++) {
      await limiter.recordFailure(attempt);
      advance?.();
    }
  };

  it('should refuse the sixth attempt on a username within 15 minutes, and allow it once the first leaves the window', async () => {
    // given five failures a minute apart, from different addresses
    const { limiter, advance } = limiterAt('2026-03-02T08:00:00Z');
    for (let i = 0; i < 5; i++) {
      expect(await limiter.check({ username: 'k.petrou', ip: `10.0.0.${i}` })).toEqual({ allowed: true });
      await limiter.recordFailure({ username: 'k.petrou', ip: `10.0.0.${i}` });
      advance(60);
    }
    // when the sixth is tried at 08:05
    const refused = await limiter.check({ username: 'K.Petrou', ip: '10.0.0.9' });
    // then it waits until the 08:00 failure is 15 minutes old
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10 * 60 });
    advance(10 * 60 - 1);
    expect(await limiter.check({ username: 'k.petrou', ip: '10.0.0.9' })).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    advance(1);
    expect(await limiter.check({ username: 'k.petrou', ip: '10.0.0.9' })).toEqual({ allowed: true });
    // and another user is not affected
    expect(await limiter.check({ username: 'm.panagiotou', ip: '10.0.0.9' })).toEqual({ allowed: true });
  });

  it('should clear the username after a successful sign-in, but not the address', async () => {
    // given
    const { limiter } = limiterAt('2026-03-03T08:00:00Z');
    const attempt = { username: 'f.zacharopoulou', ip: '10.1.0.1' };
    await failTimes(limiter, attempt, 5);
    expect(await limiter.check(attempt)).toMatchObject({ allowed: false });
    // when
    await limiter.recordSuccess(attempt);
    // then
    expect(await limiter.check(attempt)).toEqual({ allowed: true });
    const rows = await fixture.db.knex('login_attempt').where({ scope: 'ip', key: '10.1.0.1' });
    expect(rows).toHaveLength(5);
  });

  it('should refuse an address after 20 failures across usernames', async () => {
    // given
    const { limiter, advance } = limiterAt('2026-03-04T08:00:00Z');
    for (let i = 0; i < 20; i++) {
      await limiter.recordFailure({ username: `guess${i}`, ip: '192.0.2.7' });
      advance(1);
    }
    // when / then
    expect(await limiter.check({ username: 'admin', ip: '192.0.2.7' })).toEqual({
      allowed: false,
      retryAfterSeconds: 15 * 60 - 20,
    });
    expect(await limiter.check({ username: 'admin', ip: '192.0.2.8' })).toEqual({ allowed: true });
    expect(await limiter.check({ username: 'admin', ip: undefined })).toEqual({ allowed: true });
  });

  it('should share counts between limiters over the same database, as separate processes do', async () => {
    // given two limiters, as in two runtime processes
    const c = clock('2026-03-05T08:00:00Z');
    const first = loginRateLimiter(fixture.db.knex, { now: c.now });
    const second = loginRateLimiter(fixture.db.knex, { now: c.now });
    // when failures are spread over both
    await failTimes(first, { username: 'shared', ip: undefined }, 3);
    await failTimes(second, { username: 'shared', ip: undefined }, 2);
    // then both refuse
    expect(await first.check({ username: 'shared', ip: undefined })).toMatchObject({ allowed: false });
    expect(await second.check({ username: 'shared', ip: undefined })).toMatchObject({ allowed: false });
  });

  it('should drop failures that left the window when counting new ones', async () => {
    // given
    const { limiter, advance } = limiterAt('2026-03-06T08:00:00Z');
    const attempt = { username: 'old.failures', ip: undefined };
    await failTimes(limiter, attempt, 4);
    // when a failure comes 16 minutes later
    advance(16 * 60);
    await limiter.recordFailure(attempt);
    // then only it remains, and the user may still try
    expect(await fixture.db.knex('login_attempt').where({ scope: 'username', key: 'old.failures' })).toHaveLength(1);
    expect(await limiter.check(attempt)).toEqual({ allowed: true });
  });
});
