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
const DEMO_ORG_CHART = join(ROOT, 'runtime/src/orgchart/demo/demoOrgChart.json');

const REQUIRED_ENV = { POSTGRES_PASSWORD: 'dummy-postgres-password' };
const KEYCLOAK_ENV = {
  ...REQUIRED_ENV,
  KC_BOOTSTRAP_ADMIN_USERNAME: 'dummy-admin',
  KC_BOOTSTRAP_ADMIN_PASSWORD: 'dummy-admin-password',
  OIDC_CLIENT_SECRET: 'dummy-client-secret',
  OIDC_ISSUER: 'https://sso.example.gr/realms/polis',
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

function composeConfig(env: Record<string, string>, extra: readonly string[] = ['-q'], profiles: string[] = []): Run {
  // An empty --env-file: a developer's .env must not supply what the test leaves out (v1 rejects /dev/null).
  const envFile = join(mkdtempSync(join(tmpdir(), 'polis-compose-')), 'empty.env');
  writeFileSync(envFile, '');
  const profileFlags = profiles.flatMap((profile) => ['--profile', profile]);
  return run(
    [...composeCommand(), '--env-file', envFile, '-f', 'docker-compose.yml', ...profileFlags, 'config', ...extra],
    env,
  );
}

interface ComposeService {
  image?: string;
  profiles?: string[];
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  volumes?: { source: string; target: string }[];
}

/** The resolved file with the keycloak profile on (needs Compose v2 for `--format json`). */
function keycloakStack(): Record<string, ComposeService> {
  const { status, output } = composeConfig(KEYCLOAK_ENV, ['--profiles']);
  expect(status).toBe(0);
  expect(output.split('\n')).toContain('keycloak');
  const resolved = composeConfig(KEYCLOAK_ENV, ['--format', 'json'], ['keycloak']);
  expect(resolved.status).toBe(0);
  return (JSON.parse(resolved.output) as { services: Record<string, ComposeService> }).services;
}

interface RealmExport {
  realm: string;
  roles?: { realm?: { name: string }[] };
  clients?: {
    clientId: string;
    publicClient?: boolean;
    secret?: string;
    standardFlowEnabled?: boolean;
    implicitFlowEnabled?: boolean;
    directAccessGrantsEnabled?: boolean;
    serviceAccountsEnabled?: boolean;
    redirectUris?: string[];
    attributes?: Record<string, string>;
    protocolMappers?: { protocolMapper: string; config: Record<string, string> }[];
  }[];
  users?: {
    username: string;
    enabled: boolean;
    realmRoles?: string[];
    requiredActions?: string[];
    credentials?: { type: string; temporary?: boolean }[];
  }[];
}

const readRealm = () => JSON.parse(readFileSync(REALM_FILE, 'utf8')) as RealmExport;

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

  it('should run Keycloak only with the keycloak profile, pinned, importing the realm in production mode', () => {
    // given: the file resolved with the keycloak profile
    // when: its keycloak and runtime services are read
    const services = keycloakStack();
    const keycloak = services.keycloak!;
    const runtime = services.runtime!;

    // then: Keycloak is optional, its image is a pinned version, and it runs `start --import-realm`
    expect(keycloak.profiles).toEqual(['keycloak']);
    expect(keycloak.image).toMatch(/^quay\.io\/keycloak\/keycloak:\d+\.\d+\.\d+$/);
    expect(keycloak.command?.slice(0, 2)).toEqual(['start', '--import-realm']);
    expect(keycloak.entrypoint?.join(' ')).toContain('/opt/keycloak/bin/kc.sh');
    // and: the realm file is mounted where --import-realm looks, with what its placeholders need
    expect(keycloak.volumes).toContainEqual(
      expect.objectContaining({
        source: REALM_FILE,
        target: '/opt/keycloak/data/import/polis-realm.json',
      }),
    );
    expect(keycloak.environment).toMatchObject({
      PUBLIC_URL: runtime.environment?.PUBLIC_URL,
      OIDC_CLIENT_SECRET: KEYCLOAK_ENV.OIDC_CLIENT_SECRET,
    });
    // and: the runtime is the relying party of the realm's polis-runtime client
    expect(runtime.environment).toMatchObject({
      OIDC_ISSUER: KEYCLOAK_ENV.OIDC_ISSUER,
      OIDC_CLIENT_ID: 'polis-runtime',
      OIDC_CLIENT_SECRET: KEYCLOAK_ENV.OIDC_CLIENT_SECRET,
    });
  });

  it('should leave the runtime on its embedded identity provider without the profile', () => {
    // given: only the required variables
    // when: the file is resolved without profiles
    const resolved = composeConfig(REQUIRED_ENV, ['--format', 'json']);
    const { services } = JSON.parse(resolved.output) as { services: Record<string, ComposeService> };

    // then: there is no keycloak service and no issuer, so the runtime uses the embedded provider
    expect(services.keycloak).toBeUndefined();
    expect(services.runtime?.environment?.OIDC_ISSUER).toBe('');
  });
});

describe('the Keycloak realm export', () => {
  it('should require PKCE S256 for polis-runtime and define the Polis roles', () => {
    // given: the realm file mounted into Keycloak by docker-compose.yml
    // when: it is parsed
    const realm = readRealm();

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

  it('should register polis-runtime as the runtime expects: standard flow only, its callback, preferred_username', () => {
    // given: the realm's polis-runtime client
    const runtime = readRealm().clients?.find((client) => client.clientId === 'polis-runtime');

    // then: only the authorization code flow, to the runtime's /auth/callback under PUBLIC_URL
    expect(runtime).toMatchObject({
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
      redirectUris: ['${PUBLIC_URL}/auth/callback'],
      secret: '${OIDC_CLIENT_SECRET}',
    });
    expect(runtime?.attributes?.['post.logout.redirect.uris']).toBe('${PUBLIC_URL}/');
    // and: the ID token carries preferred_username, by which the runtime finds the app_user
    expect(runtime?.protocolMappers).toContainEqual(
      expect.objectContaining({
        config: expect.objectContaining({
          'user.attribute': 'username',
          'claim.name': 'preferred_username',
          'id.token.claim': 'true',
        }),
      }),
    );
  });

  it('should hold demo staff of the org chart, with temporary passwords and TOTP for the admin', () => {
    // given: the realm's users and the demo org chart
    const users = readRealm().users ?? [];
    const demo = JSON.parse(readFileSync(DEMO_ORG_CHART, 'utf8')) as {
      users: { username: string; kind: string; roles: { role: string }[] }[];
    };
    const staff = new Map(demo.users.filter((u) => u.kind === 'staff').map((u) => [u.username, u]));

    // then: each is a staff member of the org chart with the same roles
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      const member = staff.get(user.username);
      expect(member, user.username).toBeDefined();
      expect([...(user.realmRoles ?? [])].sort()).toEqual([...new Set(member!.roles.map((r) => r.role))].sort());
      // and: every password must be changed at first sign-in
      expect(user.credentials).toEqual([expect.objectContaining({ type: 'password', temporary: true })]);
    }
    // and: the administrator must set up a second factor
    const admins = users.filter((u) => u.realmRoles?.includes('admin'));
    expect(admins.length).toBeGreaterThan(0);
    for (const admin of admins) expect(admin.requiredActions).toContain('CONFIGURE_TOTP');
  });
});
