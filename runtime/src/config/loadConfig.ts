import { resolve } from 'node:path';
import { pgliteDirectory } from '@polis/engine';
import type { S3AttachmentStoreConfig } from '../attachments/s3AttachmentStore.js';
import type { CitizenIdentity, Config, ConfigProblem, EngineTarget, ZeebeOAuth } from './Config.js';

type Env = Readonly<Record<string, string | undefined>>;
type Result<T> = { ok: true; value: T } | { ok: false; problem: ConfigProblem };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const fail = (variable: string, message: string): { ok: false; problem: ConfigProblem } => ({
  ok: false,
  problem: { variable, message },
});

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): Result<number> {
  const raw = read(env, name);
  if (raw === undefined) return { ok: true, value: fallback };
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    return fail(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return { ok: true, value };
}

function readUrl(env: Env, name: string, protocols: readonly string[]): Result<URL | undefined> {
  const raw = read(env, name);
  if (raw === undefined) return { ok: true, value: undefined };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(name, `is not a valid URL (expected ${protocols.map((p) => `${p}//…`).join(' or ')})`);
  }
  if (!protocols.includes(url.protocol)) {
    return fail(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got ${url.protocol}//)`);
  }
  if (!url.hostname) return fail(name, 'has no host name');
  return { ok: true, value: url };
}

/**
 * The engine: the embedded one (its gateway on ZEEBE_GATEWAY_PORT) unless ZEEBE_ADDRESS names a Zeebe gateway.
 * An explicit grpc:// or grpcs:// decides TLS; without a scheme, TLS is on when OAuth credentials are set.
 */
function readEngine(env: Env): Result<EngineTarget> {
  const gatewayPort = readInteger(env, 'ZEEBE_GATEWAY_PORT', 26500, 0, 65535);
  if (!gatewayPort.ok) return gatewayPort;
  const address = read(env, 'ZEEBE_ADDRESS');
  const clientId = read(env, 'ZEEBE_CLIENT_ID');
  const clientSecret = read(env, 'ZEEBE_CLIENT_SECRET');
  const audience = read(env, 'ZEEBE_TOKEN_AUDIENCE');
  const authorizationServer = readUrl(env, 'ZEEBE_AUTHORIZATION_SERVER_URL', ['https:', 'http:']);
  if (!authorizationServer.ok) return authorizationServer;

  if (address === undefined) {
    const stray = [
      ['ZEEBE_CLIENT_ID', clientId],
      ['ZEEBE_CLIENT_SECRET', clientSecret],
      ['ZEEBE_AUTHORIZATION_SERVER_URL', authorizationServer.value],
      ['ZEEBE_TOKEN_AUDIENCE', audience],
    ].find(([, value]) => value !== undefined);
    if (stray) return fail('ZEEBE_ADDRESS', `must be set when ${String(stray[0])} is set`);
    return { ok: true, value: { kind: 'embedded', gatewayPort: gatewayPort.value } };
  }

  const match = /^(?:(grpcs?):\/\/)?([A-Za-z0-9.\-[\]:]+:\d{1,5})$/.exec(address);
  if (!match) return fail('ZEEBE_ADDRESS', `must be host:port, e.g. zeebe:26500 (got "${address}")`);
  const scheme = match[1];
  const hostPort = match[2] as string;

  let oauth: ZeebeOAuth | undefined;
  if (clientId === undefined) {
    if (clientSecret !== undefined) return fail('ZEEBE_CLIENT_ID', 'must be set when ZEEBE_CLIENT_SECRET is set');
    if (authorizationServer.value)
      return fail('ZEEBE_CLIENT_ID', 'must be set when ZEEBE_AUTHORIZATION_SERVER_URL is set');
    if (audience !== undefined) return fail('ZEEBE_CLIENT_ID', 'must be set when ZEEBE_TOKEN_AUDIENCE is set');
  } else {
    if (clientSecret === undefined) return fail('ZEEBE_CLIENT_SECRET', 'must be set when ZEEBE_CLIENT_ID is set');
    if (!authorizationServer.value)
      return fail(
        'ZEEBE_AUTHORIZATION_SERVER_URL',
        'must be set when ZEEBE_CLIENT_ID is set (the OAuth token endpoint)',
      );
    oauth = { clientId, clientSecret, authorizationServerUrl: authorizationServer.value.toString(), audience };
  }
  const tls = scheme === undefined ? oauth !== undefined : scheme === 'grpcs';
  return { ok: true, value: { kind: 'zeebe', address: hostPort, tls, oauth } };
}

/** The documented production host of the GSIS OAuth 2.0 server; `https://test.gsis.gr/oauth2server` is its test host. */
export const TAXISNET_BASE_URL = 'https://www1.gsis.gr/oauth2server';

const TAXISNET_ENDPOINTS = [
  ['OIDC_CITIZEN_AUTHORIZATION_URL', '/oauth/authorize'],
  ['OIDC_CITIZEN_TOKEN_URL', '/oauth/token'],
  ['OIDC_CITIZEN_USERINFO_URL', '/userinfo?format=xml'],
  ['OIDC_CITIZEN_LOGOUT_URL', '/logout/{clientId}/'],
] as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The citizens' issuer, if any: OIDC_CITIZEN_ISSUER for an OpenID Connect provider, or
 * OIDC_CITIZEN_PROFILE=taxisnet for GSIS TaxisNet (OIDC_CITIZEN_ISSUER is then the oauth2server base URL,
 * www1.gsis.gr by default, from which the endpoints not set one by one are derived).
 */
function readCitizenIdentity(env: Env): Result<CitizenIdentity | undefined> {
  const profile = read(env, 'OIDC_CITIZEN_PROFILE');
  if (profile !== undefined && profile !== 'oidc' && profile !== 'taxisnet') {
    return fail('OIDC_CITIZEN_PROFILE', `must be oidc or taxisnet (got "${profile}")`);
  }
  const issuer = readUrl(env, 'OIDC_CITIZEN_ISSUER', ['https:', 'http:']);
  if (!issuer.ok) return issuer;
  const clientId = read(env, 'OIDC_CITIZEN_CLIENT_ID');
  const clientSecret = read(env, 'OIDC_CITIZEN_CLIENT_SECRET');
  const pkce = read(env, 'OIDC_CITIZEN_PKCE');
  const endpoints: Partial<Record<(typeof TAXISNET_ENDPOINTS)[number][0], URL>> = {};
  for (const [name] of TAXISNET_ENDPOINTS) {
    const url = readUrl(env, name, ['https:', 'http:']);
    if (!url.ok) return url;
    if (url.value) endpoints[name] = url.value;
  }

  if (profile !== 'taxisnet') {
    const taxisNetOnly = Object.keys(endpoints)[0] ?? (pkce !== undefined ? 'OIDC_CITIZEN_PKCE' : undefined);
    if (taxisNetOnly)
      return fail(
        taxisNetOnly,
        'is used only with OIDC_CITIZEN_PROFILE=taxisnet (an OpenID Connect issuer publishes its endpoints)',
      );
    if (!issuer.value) {
      const stray = [
        ['OIDC_CITIZEN_PROFILE', profile],
        ['OIDC_CITIZEN_CLIENT_ID', clientId],
        ['OIDC_CITIZEN_CLIENT_SECRET', clientSecret],
      ].find(([, value]) => value !== undefined);
      return stray
        ? fail('OIDC_CITIZEN_ISSUER', `must be set when ${String(stray[0])} is set`)
        : { ok: true, value: undefined };
    }
    if (!clientId) return fail('OIDC_CITIZEN_CLIENT_ID', 'must be set when OIDC_CITIZEN_ISSUER is set');
    if (!clientSecret) return fail('OIDC_CITIZEN_CLIENT_SECRET', 'must be set when OIDC_CITIZEN_ISSUER is set');
    return { ok: true, value: { kind: 'oidc', issuer: issuer.value.toString(), clientId, clientSecret } };
  }

  if (!clientId) return fail('OIDC_CITIZEN_CLIENT_ID', 'must be set when OIDC_CITIZEN_PROFILE is taxisnet');
  if (!clientSecret) return fail('OIDC_CITIZEN_CLIENT_SECRET', 'must be set when OIDC_CITIZEN_PROFILE is taxisnet');
  if (pkce !== undefined && pkce !== 'true' && pkce !== 'false') {
    return fail('OIDC_CITIZEN_PKCE', `must be true or false (got "${pkce}")`);
  }
  const base = (issuer.value?.toString() ?? TAXISNET_BASE_URL).replace(/\/$/, '');
  const urls: string[] = [];
  for (const [name, path] of TAXISNET_ENDPOINTS) {
    const url = endpoints[name] ?? new URL(`${base}${path}`);
    // The client secret and the citizen's access token travel to these: TLS unless the server is this machine.
    if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
      return fail(endpoints[name] ? name : 'OIDC_CITIZEN_ISSUER', 'must use https:// (http:// only for localhost)');
    }
    urls.push(url.toString().replace('%7BclientId%7D', '{clientId}'));
  }
  const [authorizationUrl, tokenUrl, userinfoUrl, logoutUrl] = urls as [string, string, string, string];
  return {
    ok: true,
    value: {
      kind: 'taxisnet',
      clientId,
      clientSecret,
      authorizationUrl,
      tokenUrl,
      userinfoUrl,
      logoutUrl,
      pkce: pkce !== 'false',
    },
  };
}

const S3_VARIABLES = [
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
] as const;

/** A bucket name S3 accepts: 3–63 lower-case letters, digits, dots and hyphens, starting and ending alphanumeric. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * The S3-compatible bucket attachments go to with ATTACHMENTS_STORE=s3 (undefined for the file store, the default).
 * S3_ENDPOINT defaults to AWS in S3_REGION (us-east-1 by default); path-style addressing is the default with an
 * endpoint of one's own (MinIO and most compatible servers), virtual-hosted style on AWS.
 */
function readS3(env: Env): Result<S3AttachmentStoreConfig | undefined> {
  const store = read(env, 'ATTACHMENTS_STORE') ?? 'file';
  if (store !== 'file' && store !== 's3') return fail('ATTACHMENTS_STORE', `must be file or s3 (got "${store}")`);
  if (store === 'file') {
    const stray = S3_VARIABLES.find((name) => read(env, name) !== undefined);
    return stray ? fail(stray, 'is used only with ATTACHMENTS_STORE=s3') : { ok: true, value: undefined };
  }
  const endpoint = readUrl(env, 'S3_ENDPOINT', ['https:', 'http:']);
  if (!endpoint.ok) return endpoint;
  const region = read(env, 'S3_REGION') ?? 'us-east-1';
  if (!/^[a-z0-9-]{2,32}$/.test(region))
    return fail('S3_REGION', `must be a region name such as eu-central-1 (got "${region}")`);
  const bucket = read(env, 'S3_BUCKET');
  if (!bucket) return fail('S3_BUCKET', 'must be set when ATTACHMENTS_STORE is s3');
  if (!BUCKET_NAME.test(bucket))
    return fail('S3_BUCKET', `must be 3–63 lower-case letters, digits, dots or hyphens (got "${bucket}")`);
  const accessKeyId = read(env, 'S3_ACCESS_KEY_ID');
  if (!accessKeyId) return fail('S3_ACCESS_KEY_ID', 'must be set when ATTACHMENTS_STORE is s3');
  const secretAccessKey = read(env, 'S3_SECRET_ACCESS_KEY');
  if (!secretAccessKey) return fail('S3_SECRET_ACCESS_KEY', 'must be set when ATTACHMENTS_STORE is s3');
  const pathStyle = read(env, 'S3_FORCE_PATH_STYLE');
  if (pathStyle !== undefined && pathStyle !== 'true' && pathStyle !== 'false')
    return fail('S3_FORCE_PATH_STYLE', `must be true or false (got "${pathStyle}")`);
  return {
    ok: true,
    value: {
      endpoint: (endpoint.value?.toString() ?? `https://s3.${region}.amazonaws.com`).replace(/\/$/, ''),
      bucket,
      region,
      accessKeyId,
      secretAccessKey,
      forcePathStyle: pathStyle === undefined ? endpoint.value !== undefined : pathStyle === 'true',
    },
  };
}

/**
 * Reads the configuration from environment variables; unset variables give the embedded setup
 * (PGlite in ./data, the embedded engine and identity provider, port 3000).
 * Returns the first problem found, naming the variable, instead of throwing.
 */
export function loadConfig(env: Env, cwd: string): Result<Config> {
  const port = readInteger(env, 'PORT', 3000, 1, 65535);
  if (!port.ok) return port;
  const shutdown = readInteger(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000);
  if (!shutdown.ok) return shutdown;
  // Unset: the sweeper's own default (one minute); the field is left out so that the default lives in one place.
  const taskSweep = readInteger(env, 'TASK_SWEEP_INTERVAL_MS', 0, 1_000, 86_400_000);
  if (!taskSweep.ok) return taskSweep;

  const logLevel = read(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    return fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }

  const databaseUrl = readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (!databaseUrl.ok) return databaseUrl;
  if (databaseUrl.value && databaseUrl.value.pathname.replace(/^\//, '') === '') {
    return fail('DATABASE_URL', 'names no database (expected postgres://user:password@host:5432/database)');
  }

  const publicUrl = readUrl(env, 'PUBLIC_URL', ['http:', 'https:']);
  if (!publicUrl.ok) return publicUrl;

  const dataDir = resolve(cwd, read(env, 'DATA_DIR') ?? 'data');
  const maxAttachmentMb = readInteger(env, 'MAX_ATTACHMENT_MB', 10, 1, 100);
  if (!maxAttachmentMb.ok) return maxAttachmentMb;
  const attachmentsDir = resolve(dataDir, read(env, 'ATTACHMENTS_DIR') ?? 'attachments');
  const s3 = readS3(env);
  if (!s3.ok) return s3;

  const engine = readEngine(env);
  if (!engine.ok) return engine;

  const issuer = readUrl(env, 'OIDC_ISSUER', ['http:', 'https:']);
  if (!issuer.ok) return issuer;
  let identity: Config['identity'] = { kind: 'embedded' };
  if (issuer.value) {
    const clientId = read(env, 'OIDC_CLIENT_ID');
    if (!clientId) return fail('OIDC_CLIENT_ID', 'must be set when OIDC_ISSUER is set');
    const clientSecret = read(env, 'OIDC_CLIENT_SECRET');
    if (!clientSecret) return fail('OIDC_CLIENT_SECRET', 'must be set when OIDC_ISSUER is set');
    identity = { kind: 'external', issuer: issuer.value.toString(), clientId, clientSecret };
  }
  const citizenIdentity = readCitizenIdentity(env);
  if (!citizenIdentity.ok) return citizenIdentity;

  return {
    ok: true,
    value: {
      port: port.value,
      host: read(env, 'HOST'),
      publicUrl: (publicUrl.value?.toString() ?? `http://localhost:${port.value}/`).replace(/\/$/, ''),
      dataDir,
      attachments: {
        dir: attachmentsDir,
        maxBytes: maxAttachmentMb.value * 1024 * 1024,
        ...(s3.value ? { s3: s3.value } : {}),
      },
      database: databaseUrl.value
        ? { kind: 'postgres', url: databaseUrl.value.toString() }
        : { kind: 'pglite', dataDir: pgliteDirectory(dataDir) },
      engine: engine.value,
      identity,
      citizenIdentity: citizenIdentity.value,
      logLevel: logLevel as Config['logLevel'],
      shutdownTimeoutMs: shutdown.value,
      ...(read(env, 'TASK_SWEEP_INTERVAL_MS') === undefined ? {} : { taskSweepIntervalMs: taskSweep.value }),
    },
  };
}
