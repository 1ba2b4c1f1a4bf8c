import { resolve } from 'node:path';
import { pgliteDirectory } from '@polis/engine';
import type { Config, ConfigProblem } from './Config.js';

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
 * Reads the configuration from environment variables; unset variables give the embedded setup
 * (PGlite in ./data, the embedded engine and identity provider, port 3000).
 * Returns the first problem found, naming the variable, instead of throwing.
 */
export function loadConfig(env: Env, cwd: string): Result<Config> {
  const port = readInteger(env, 'PORT', 3000, 1, 65535);
  if (!port.ok) return port;
  const shutdown = readInteger(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000);
  if (!shutdown.ok) return shutdown;

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

  const zeebeAddress = read(env, 'ZEEBE_ADDRESS');
  if (zeebeAddress !== undefined && !/^(grpcs?:\/\/)?[A-Za-z0-9.\-[\]:]+:\d{1,5}$/.test(zeebeAddress)) {
    return fail('ZEEBE_ADDRESS', `must be host:port, e.g. zeebe:26500 (got "${zeebeAddress}")`);
  }

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

  return {
    ok: true,
    value: {
      port: port.value,
      host: read(env, 'HOST'),
      publicUrl: (publicUrl.value?.toString() ?? `http://localhost:${port.value}/`).replace(/\/$/, ''),
      dataDir,
      database: databaseUrl.value
        ? { kind: 'postgres', url: databaseUrl.value.toString() }
        : { kind: 'pglite', dataDir: pgliteDirectory(dataDir) },
      engine: zeebeAddress ? { kind: 'zeebe', address: zeebeAddress } : { kind: 'embedded' },
      identity,
      logLevel: logLevel as Config['logLevel'],
      shutdownTimeoutMs: shutdown.value,
    },
  };
}
