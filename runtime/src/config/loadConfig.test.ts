import { describe, expect, it } from 'vitest';
import { loadConfig } from './loadConfig.js';

describe('loadConfig', () => {
  it('should give the embedded setup when nothing is configured', () => {
    // given an empty environment
    const result = loadConfig({}, '/srv/polis');
    // then
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        port: 3000,
        publicUrl: 'http://localhost:3000',
        dataDir: '/srv/polis/data',
        database: { kind: 'pglite', dataDir: '/srv/polis/data/pglite' },
        engine: { kind: 'embedded' },
        identity: { kind: 'embedded' },
        logLevel: 'info',
      }),
    });
  });

  it('should use PostgreSQL, a Zeebe cluster and an external identity provider when they are configured', () => {
    const result = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgres://polis:pw@db:5432/polis',
        ZEEBE_ADDRESS: 'zeebe:26500',
        OIDC_ISSUER: 'https://sso.example.gr/realms/polis',
        OIDC_CLIENT_ID: 'polis',
        OIDC_CLIENT_SECRET: 's3cret',
      },
      '/srv',
    );
    expect(result.ok && result.value).toMatchObject({
      port: 8080,
      database: { kind: 'postgres', url: 'postgres://polis:pw@db:5432/polis' },
      engine: { kind: 'zeebe', address: 'zeebe:26500' },
      identity: { kind: 'external', issuer: 'https://sso.example.gr/realms/polis', clientId: 'polis' },
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT', 'must be a whole number from 1 to 65535 (got "70000")'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL', 'must start with postgres:// or postgresql:// (got mysql://)'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL', 'is not a valid URL (expected postgres://… or postgresql://…)'],
    [{ DATABASE_URL: 'postgres://db:5432' }, 'DATABASE_URL', expect.stringContaining('names no database')],
    [{ ZEEBE_ADDRESS: 'zeebe' }, 'ZEEBE_ADDRESS', 'must be host:port, e.g. zeebe:26500 (got "zeebe")'],
    [{ OIDC_ISSUER: 'https://sso.example.gr' }, 'OIDC_CLIENT_ID', 'must be set when OIDC_ISSUER is set'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', expect.stringContaining('must be one of fatal, error')],
  ])('should name the variable and the problem for %j', (env, variable, message) => {
    expect(loadConfig(env, '/srv')).toEqual({ ok: false, problem: { variable, message } });
  });
});
