import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The production-like topology (docker-compose.yml, the Keycloak realm export) checked without a Docker
// engine: `compose config` only parses, interpolates and validates. Needs Docker Compose: v2 as
// `docker compose` or `docker-compose`, or v1 `docker-compose`; .ci/install-docker-compose.sh installs it.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const REALM_FILE = join(ROOT, 'runtime/deploy/keycloak/polis-realm.json');

const REQUIRED_ENV = {
  POSTGRES_PASSWORD: 'dummy-postgres-password',
  KC_BOOTSTRAP_ADMIN_USERNAME: 'dummy-admin',
  KC_BOOTSTRAP_ADMIN_PASSWORD: 'dummy-admin-password',
  OIDC_CLIENT_SECRET: 'dummy-client-secret',
};

const ROLES = ['admin', 'analyst', 'clerk', 'head_of_unit', 'manager', 'operator', 'citizen'];

interface Run {
  status: number | null;
  output: string;
}

/** Runs a command in the repository root with only the given variables (and PATH, HOME) set. */
function run(command: readonly string[], env: Record<string, string>): Run {
  const [file, ...args] = command;
  if (file === undefined) throw new Error('empty command');
  const result = spawnSync(file, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...(process.env.HOME ? { HOME: process.env.HOME } : {}), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** `docker compose` when the plugin is there, else the standalone `docker-compose` (v2 or v1). */
function composeCommand(): readonly string[] {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    if (run([...command, 'version'], {}).status === 0) return command;
  }
  throw new Error('Docker Compose is not installed: run .ci/install-docker-compose.sh');
}

function composeConfig(env: Record<string, string>): Run {
  // An empty --env-file: a developer's .env must not supply what the test leaves out (v1 rejects /dev/null).
  const envFile = join(mkdtempSync(join(tmpdir(), 'polis-compose-')), 'empty.env');
  writeFileSync(envFile, '');
  return run([...composeCommand(), '--env-file', envFile, '-f', 'docker-compose.yml', 'config', '-q'], env);
}

interface RealmExport {
  realm: string;
  roles?: { realm?: { name: string }[] };
  clients?: { clientId: string; publicClient?: boolean; attributes?: Record<string, string> }[];
}

describe('docker-compose.yml', () => {
  it('should be a valid Compose file when the required variables are set', () => {
    // given: every required variable set to a dummy value
    // when: compose parses, interpolates and validates the file
    const { status, output } = composeConfig(REQUIRED_ENV);

    // then: it accepts it
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('should refuse to start without POSTGRES_PASSWORD, naming it', () => {
    // given: every required variable but POSTGRES_PASSWORD
    const { POSTGRES_PASSWORD: _omitted, ...env } = REQUIRED_ENV;

    // when: compose interpolates the file
    const { status, output } = composeConfig(env);

    // then: it fails and says which variable is missing
    expect(status).not.toBe(0);
    expect(output).toContain('POSTGRES_PASSWORD');
  });
});

describe('the Keycloak realm export', () => {
  it('should require PKCE S256 for polis-runtime and define the Polis roles', () => {
    // given: the realm file mounted into Keycloak by docker-compose.yml
    // when: it is parsed
    const realm = JSON.parse(readFileSync(REALM_FILE, 'utf8')) as RealmExport;

    // then: the realm is polis, polis-runtime is confidential and requires PKCE with S256
    expect(realm.realm).toBe('polis');
    const runtime = realm.clients?.find((client) => client.clientId === 'polis-runtime');
    expect(runtime).toBeDefined();
    expect(runtime?.publicClient).toBe(false);
    expect(runtime?.attributes?.['pkce.code.challenge.method']).toBe('S256');
    // and: every role the runtime's policies name exists as a realm role
    const roles = realm.roles?.realm?.map((role) => role.name) ?? [];
    expect(roles).toEqual(expect.arrayContaining(ROLES));
  });
});
