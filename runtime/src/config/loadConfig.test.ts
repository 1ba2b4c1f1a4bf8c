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
        engine: { kind: 'embedded', gatewayPort: 26500 },
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
      engine: { kind: 'zeebe', address: 'zeebe:26500', tls: false, oauth: undefined },
      identity: { kind: 'external', issuer: 'https://sso.example.gr/realms/polis', clientId: 'polis' },
    });
  });

  it('should serve the embedded gateway on ZEEBE_GATEWAY_PORT, 0 picking a free port', () => {
    expect(loadConfig({ ZEEBE_GATEWAY_PORT: '0' }, '/srv')).toMatchObject({
      ok: true,
      value: { engine: { kind: 'embedded', gatewayPort: 0 } },
    });
  });

  it('should connect to a Zeebe cluster with OAuth client credentials over TLS', () => {
    // given the variables of a Camunda 8 client credentials file
    const result = loadConfig(
      {
        ZEEBE_ADDRESS: 'abc-123.bru-2.zeebe.camunda.io:443',
        ZEEBE_CLIENT_ID: 'polis',
        ZEEBE_CLIENT_SECRET: 's3cret',
        ZEEBE_AUTHORIZATION_SERVER_URL: 'https://login.cloud.camunda.io/oauth/token',
        ZEEBE_TOKEN_AUDIENCE: 'zeebe.camunda.io',
      },
      '/srv',
    );
    // then
    expect(result.ok && result.value.engine).toEqual({
      kind: 'zeebe',
      address: 'abc-123.bru-2.zeebe.camunda.io:443',
      tls: true,
      oauth: {
        clientId: 'polis',
        clientSecret: 's3cret',
        authorizationServerUrl: 'https://login.cloud.camunda.io/oauth/token',
        audience: 'zeebe.camunda.io',
      },
    });
  });

  it.each([
    ['zeebe:26500', false],
    ['grpc://zeebe:26500', false],
    ['grpcs://zeebe:26500', true],
  ])('should let the scheme of ZEEBE_ADDRESS %s decide TLS', (address, tls) => {
    expect(loadConfig({ ZEEBE_ADDRESS: address }, '/srv')).toMatchObject({
      ok: true,
      value: { engine: { kind: 'zeebe', address: 'zeebe:26500', tls } },
    });
  });

  it('should keep plaintext with OAuth when ZEEBE_ADDRESS says grpc://', () => {
    const result = loadConfig(
      {
        ZEEBE_ADDRESS: 'grpc://zeebe:26500',
        ZEEBE_CLIENT_ID: 'polis',
        ZEEBE_CLIENT_SECRET: 's3cret',
        ZEEBE_AUTHORIZATION_SERVER_URL:
          'http://keycloak:18080/auth/realms/camunda-platform/protocol/openid-connect/token',
      },
      '/srv',
    );
    expect(result).toMatchObject({ ok: true, value: { engine: { tls: false, oauth: { audience: undefined } } } });
  });

  const cluster = { ZEEBE_ADDRESS: 'zeebe:26500' };
  it.each([
    [{ PORT: 'abc' }, 'PORT', 'must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT', 'must be a whole number from 1 to 65535 (got "70000")'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL', 'must start with postgres:// or postgresql:// (got mysql://)'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL', 'is not a valid URL (expected postgres://… or postgresql://…)'],
    [{ DATABASE_URL: 'postgres://db:5432' }, 'DATABASE_URL', expect.stringContaining('names no database')],
    [{ ZEEBE_ADDRESS: 'zeebe' }, 'ZEEBE_ADDRESS', 'must be host:port, e.g. zeebe:26500 (got "zeebe")'],
    [{ ZEEBE_GATEWAY_PORT: '-1' }, 'ZEEBE_GATEWAY_PORT', 'must be a whole number from 0 to 65535 (got "-1")'],
    [{ ZEEBE_GATEWAY_PORT: '65536' }, 'ZEEBE_GATEWAY_PORT', 'must be a whole number from 0 to 65535 (got "65536")'],
    [{ ZEEBE_CLIENT_ID: 'polis' }, 'ZEEBE_ADDRESS', 'must be set when ZEEBE_CLIENT_ID is set'],
    [{ ...cluster, ZEEBE_CLIENT_ID: 'polis' }, 'ZEEBE_CLIENT_SECRET', 'must be set when ZEEBE_CLIENT_ID is set'],
    [
      { ...cluster, ZEEBE_CLIENT_ID: 'polis', ZEEBE_CLIENT_SECRET: 's' },
      'ZEEBE_AUTHORIZATION_SERVER_URL',
      'must be set when ZEEBE_CLIENT_ID is set (the OAuth token endpoint)',
    ],
    [{ ...cluster, ZEEBE_CLIENT_SECRET: 's' }, 'ZEEBE_CLIENT_ID', 'must be set when ZEEBE_CLIENT_SECRET is set'],
    [
      { ...cluster, ZEEBE_TOKEN_AUDIENCE: 'zeebe-api' },
      'ZEEBE_CLIENT_ID',
      'must be set when ZEEBE_TOKEN_AUDIENCE is set',
    ],
    [
      { ...cluster, ZEEBE_AUTHORIZATION_SERVER_URL: 'ftp://login' },
      'ZEEBE_AUTHORIZATION_SERVER_URL',
      'must start with https:// or http:// (got ftp://)',
    ],
    [{ OIDC_ISSUER: 'https://sso.example.gr' }, 'OIDC_CLIENT_ID', 'must be set when OIDC_ISSUER is set'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', expect.stringContaining('must be one of fatal, error')],
  ])('should name the variable and the problem for %j', (env, variable, message) => {
    expect(loadConfig(env, '/srv')).toEqual({ ok: false, problem: { variable, message } });
  });
});
