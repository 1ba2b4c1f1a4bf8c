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

  it('should have no citizen issuer unless one is configured', () => {
    expect(loadConfig({}, '/srv')).toMatchObject({ ok: true, value: { citizenIdentity: undefined } });
  });

  it('should read an OpenID Connect citizen issuer', () => {
    // given the oidc profile (the default)
    const env = {
      OIDC_CITIZEN_ISSUER: 'https://citizens.example.gr/realms/citizens',
      OIDC_CITIZEN_CLIENT_ID: 'polis-portal',
      OIDC_CITIZEN_CLIENT_SECRET: 's3cret',
    };
    // when it is read
    const result = loadConfig(env, '/srv');
    // then
    expect(result.ok && result.value.citizenIdentity).toEqual({
      kind: 'oidc',
      issuer: 'https://citizens.example.gr/realms/citizens',
      clientId: 'polis-portal',
      clientSecret: 's3cret',
    });
  });

  it('should default TaxisNet to the documented GSIS endpoints, with PKCE', () => {
    // given only the profile and the credentials GSIS issued
    const env = { OIDC_CITIZEN_PROFILE: 'taxisnet', OIDC_CITIZEN_CLIENT_ID: 'dimos', OIDC_CITIZEN_CLIENT_SECRET: 's' };
    // when it is read
    const result = loadConfig(env, '/srv');
    // then the endpoints are those of www1.gsis.gr
    expect(result.ok && result.value.citizenIdentity).toEqual({
      kind: 'taxisnet',
      clientId: 'dimos',
      clientSecret: 's',
      authorizationUrl: 'https://www1.gsis.gr/oauth2server/oauth/authorize',
      tokenUrl: 'https://www1.gsis.gr/oauth2server/oauth/token',
      userinfoUrl: 'https://www1.gsis.gr/oauth2server/userinfo?format=xml',
      logoutUrl: 'https://www1.gsis.gr/oauth2server/logout/{clientId}/',
      pkce: true,
    });
  });

  it('should derive the TaxisNet endpoints from OIDC_CITIZEN_ISSUER and let one be set on its own', () => {
    // given the GSIS test host, another userinfo URL and PKCE turned off
    const env = {
      OIDC_CITIZEN_PROFILE: 'taxisnet',
      OIDC_CITIZEN_ISSUER: 'https://test.gsis.gr/oauth2server/',
      OIDC_CITIZEN_USERINFO_URL: 'https://test.gsis.gr/oauth2server/userinfo?format=xml&fields=taxid',
      OIDC_CITIZEN_CLIENT_ID: 'dimos',
      OIDC_CITIZEN_CLIENT_SECRET: 's',
      OIDC_CITIZEN_PKCE: 'false',
    };
    // when it is read
    const result = loadConfig(env, '/srv');
    // then
    expect(result.ok && result.value.citizenIdentity).toMatchObject({
      authorizationUrl: 'https://test.gsis.gr/oauth2server/oauth/authorize',
      tokenUrl: 'https://test.gsis.gr/oauth2server/oauth/token',
      userinfoUrl: 'https://test.gsis.gr/oauth2server/userinfo?format=xml&fields=taxid',
      logoutUrl: 'https://test.gsis.gr/oauth2server/logout/{clientId}/',
      pkce: false,
    });
  });

  const taxis = { OIDC_CITIZEN_PROFILE: 'taxisnet', OIDC_CITIZEN_CLIENT_ID: 'dimos', OIDC_CITIZEN_CLIENT_SECRET: 's' };
  it.each([
    [{ OIDC_CITIZEN_PROFILE: 'gov.gr' }, 'OIDC_CITIZEN_PROFILE', 'must be oidc or taxisnet (got "gov.gr")'],
    [{ OIDC_CITIZEN_CLIENT_ID: 'x' }, 'OIDC_CITIZEN_ISSUER', 'must be set when OIDC_CITIZEN_CLIENT_ID is set'],
    [{ OIDC_CITIZEN_PROFILE: 'oidc' }, 'OIDC_CITIZEN_ISSUER', 'must be set when OIDC_CITIZEN_PROFILE is set'],
    [
      { OIDC_CITIZEN_ISSUER: 'https://sso.example.gr' },
      'OIDC_CITIZEN_CLIENT_ID',
      'must be set when OIDC_CITIZEN_ISSUER is set',
    ],
    [
      { OIDC_CITIZEN_ISSUER: 'https://sso.example.gr', OIDC_CITIZEN_CLIENT_ID: 'x' },
      'OIDC_CITIZEN_CLIENT_SECRET',
      'must be set when OIDC_CITIZEN_ISSUER is set',
    ],
    [
      { OIDC_CITIZEN_TOKEN_URL: 'https://www1.gsis.gr/oauth2server/oauth/token' },
      'OIDC_CITIZEN_TOKEN_URL',
      expect.stringContaining('is used only with OIDC_CITIZEN_PROFILE=taxisnet'),
    ],
    [
      { OIDC_CITIZEN_PROFILE: 'taxisnet' },
      'OIDC_CITIZEN_CLIENT_ID',
      'must be set when OIDC_CITIZEN_PROFILE is taxisnet',
    ],
    [
      { OIDC_CITIZEN_PROFILE: 'taxisnet', OIDC_CITIZEN_CLIENT_ID: 'x' },
      'OIDC_CITIZEN_CLIENT_SECRET',
      'must be set when OIDC_CITIZEN_PROFILE is taxisnet',
    ],
    [{ ...taxis, OIDC_CITIZEN_PKCE: 'yes' }, 'OIDC_CITIZEN_PKCE', 'must be true or false (got "yes")'],
    [
      { ...taxis, OIDC_CITIZEN_ISSUER: 'http://gsis.example.gr/oauth2server' },
      'OIDC_CITIZEN_ISSUER',
      'must use https:// (http:// only for localhost)',
    ],
    [
      { ...taxis, OIDC_CITIZEN_USERINFO_URL: 'http://gsis.example.gr/userinfo' },
      'OIDC_CITIZEN_USERINFO_URL',
      'must use https:// (http:// only for localhost)',
    ],
    [
      { ...taxis, OIDC_CITIZEN_TOKEN_URL: 'not a url' },
      'OIDC_CITIZEN_TOKEN_URL',
      expect.stringContaining('not a valid URL'),
    ],
  ])('should name the citizen issuer variable at fault for %j', (env, variable, message) => {
    expect(loadConfig(env, '/srv')).toEqual({ ok: false, problem: { variable, message } });
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

  it('should keep attachments under DATA_DIR, 10 MB each, unless ATTACHMENTS_DIR and MAX_ATTACHMENT_MB say otherwise', () => {
    // when nothing is set, and when both are
    const defaults = loadConfig({ DATA_DIR: '/var/polis' }, '/srv');
    const set = loadConfig({ ATTACHMENTS_DIR: '/mnt/files', MAX_ATTACHMENT_MB: '25' }, '/srv');
    // then
    expect(defaults.ok && defaults.value.attachments).toEqual({
      dir: '/var/polis/attachments',
      maxBytes: 10 * 1024 * 1024,
    });
    expect(set.ok && set.value.attachments).toEqual({ dir: '/mnt/files', maxBytes: 25 * 1024 * 1024 });
    expect(loadConfig({ MAX_ATTACHMENT_MB: '0' }, '/srv')).toEqual({
      ok: false,
      problem: { variable: 'MAX_ATTACHMENT_MB', message: expect.stringContaining('from 1 to 100') },
    });
  });

  it('should store attachments in an S3-compatible bucket with ATTACHMENTS_STORE=s3, path-style for an endpoint of one’s own', () => {
    // given a MinIO bucket, and a bucket on AWS in Frankfurt
    const keys = { S3_ACCESS_KEY_ID: 'polis', S3_SECRET_ACCESS_KEY: 'secret-key' };
    const minio = loadConfig(
      { ATTACHMENTS_STORE: 's3', S3_ENDPOINT: 'http://minio:9000/', S3_BUCKET: 'polis-attachments', ...keys },
      '/srv',
    );
    const aws = loadConfig(
      { ATTACHMENTS_STORE: 's3', S3_BUCKET: 'maroussi.polis', S3_REGION: 'eu-central-1', ...keys },
      '/srv',
    );
    // then
    expect(minio.ok && minio.value.attachments).toEqual({
      dir: '/srv/data/attachments',
      maxBytes: 10 * 1024 * 1024,
      s3: {
        endpoint: 'http://minio:9000',
        bucket: 'polis-attachments',
        region: 'us-east-1',
        accessKeyId: 'polis',
        secretAccessKey: 'secret-key',
        forcePathStyle: true,
      },
    });
    expect(aws.ok && aws.value.attachments.s3).toMatchObject({
      endpoint: 'https://s3.eu-central-1.amazonaws.com',
      region: 'eu-central-1',
      forcePathStyle: false,
    });
    const files = loadConfig({ ATTACHMENTS_DIR: '/mnt/files' }, '/srv');
    expect(files.ok && 's3' in files.value.attachments).toBe(false);
  });

  it.each([
    [{ ATTACHMENTS_STORE: 'azure' }, 'ATTACHMENTS_STORE', 'must be file or s3 (got "azure")'],
    [{ S3_BUCKET: 'polis' }, 'S3_BUCKET', 'is used only with ATTACHMENTS_STORE=s3'],
    [{ ATTACHMENTS_STORE: 's3' }, 'S3_BUCKET', 'must be set when ATTACHMENTS_STORE is s3'],
    [
      { ATTACHMENTS_STORE: 's3', S3_BUCKET: 'Polis_Files' },
      'S3_BUCKET',
      'must be 3–63 lower-case letters, digits, dots or hyphens (got "Polis_Files")',
    ],
    [{ ATTACHMENTS_STORE: 's3', S3_BUCKET: 'polis' }, 'S3_ACCESS_KEY_ID', 'must be set when ATTACHMENTS_STORE is s3'],
    [
      { ATTACHMENTS_STORE: 's3', S3_BUCKET: 'polis', S3_ACCESS_KEY_ID: 'a' },
      'S3_SECRET_ACCESS_KEY',
      'must be set when ATTACHMENTS_STORE is s3',
    ],
    [
      { ATTACHMENTS_STORE: 's3', S3_ENDPOINT: 'minio:9000' },
      'S3_ENDPOINT',
      'must start with https:// or http:// (got minio://)',
    ],
    [
      {
        ATTACHMENTS_STORE: 's3',
        S3_BUCKET: 'polis',
        S3_ACCESS_KEY_ID: 'a',
        S3_SECRET_ACCESS_KEY: 'b',
        S3_FORCE_PATH_STYLE: 'yes',
      },
      'S3_FORCE_PATH_STYLE',
      'must be true or false (got "yes")',
    ],
  ])('should name the S3 variable at fault for %j', (env, variable, message) => {
    expect(loadConfig(env, '/srv')).toEqual({ ok: false, problem: { variable, message } });
  });
});
