import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/loadConfig.js';
import { registerApiClient } from '../identity/registerApiClient.js';
import { createSession, sessionDigest } from '../identity/sessions.js';
import { startRuntime, type RunningRuntime } from '../lifecycle/startRuntime.js';
import { csrfToken } from '../middlewares/csrfToken.js';
import { policyOf } from '../middlewares/authorize.js';
import { systemActor } from '../orgchart/Actor.js';
import { openAuditedTestDatabase } from '../orgchart/useOrgChartDatabase.js';
import { listRoutes, type RegisteredRoute } from './listRoutes.js';
import { PERSONAS, type Persona } from './useTestApp.js';

const ALL = Object.keys(PERSONAS) as Persona[];
const PEOPLE: Persona[] = ['citizen', 'clerk', 'headOfUnit', 'manager', 'analyst', 'operator', 'admin'];
const STAFF: Persona[] = ['clerk', 'headOfUnit', 'manager', 'analyst', 'operator', 'admin'];
const ADMIN: Persona[] = ['admin'];
const READERS: Persona[] = [...STAFF, 'readerSystem', 'writerSystem'];
const WRITERS: Persona[] = ['admin', 'writerSystem'];

/**
 * Who may call each route, persona by persona. A route registered in the app but missing here fails the test,
 * as does one without a policy: a new route is denied to everyone until someone decides who may call it.
 */
const EXPECTED: Record<string, readonly Persona[]> = {
  'GET /healthz': ALL,
  'GET /readyz': ALL,
  'GET /': ALL,
  'GET /auth/login': ALL,
  'GET /auth/callback': ALL,
  'GET /auth/logout': ALL,
  'GET /auth/me': PEOPLE,
  'POST /auth/logout': ALL,
  'GET /auth/totp': ['analyst', 'admin'],
  'POST /auth/totp': ['analyst', 'admin'],
  'GET /oidc/interaction/:uid': ALL,
  'POST /oidc/interaction/:uid/login': ALL,
  'POST /oidc/interaction/:uid/totp': ALL,
  'GET /app/': STAFF,
  'GET /app/{*rest}': STAFF,
  // The portal's pages are public (the catalogue); what a citizen's own pages show is guarded by the API.
  'GET /portal/': ALL,
  'GET /portal/{*rest}': ALL,
  // The designer is the analysts' app (admins may step in); its designs routes have the same policy.
  'GET /designer/': ['analyst', 'admin'],
  'GET /designer/{*rest}': ['analyst', 'admin'],
  'GET /api/v1/designs': ['analyst', 'admin'],
  'POST /api/v1/designs': ['analyst', 'admin'],
  'GET /api/v1/designs/:designId': ['analyst', 'admin'],
  'PUT /api/v1/designs/:designId': ['analyst', 'admin'],
  'POST /api/v1/designs/:designId/duplicate': ['analyst', 'admin'],
  'POST /api/v1/designs/:designId/validate': ['analyst', 'admin'],
  'POST /api/v1/designs/:designId/deploy': ['analyst', 'admin'],
  'GET /api/v1/designs/:designId/deployments': ['analyst', 'admin'],
  'GET /api/v1/services': ALL,
  'GET /api/v1/services/:serviceId': ALL,
  'GET /api/v1/me': PEOPLE,
  // Anyone signed in reads their own notifications; the commands look only at the caller's rows (404 otherwise).
  'GET /api/v1/me/notifications': PEOPLE,
  'POST /api/v1/me/notifications/:notificationId/read': PEOPLE,
  'POST /api/v1/me/notifications/read-all': PEOPLE,
  'GET /api/v1/openapi.json': ALL,
  'GET /api/v1/api-clients': ADMIN,
  'POST /api/v1/api-clients': ADMIN,
  'POST /api/v1/api-clients/:clientId/revoke': ADMIN,
  'GET /api/v1/org/units': READERS,
  'POST /api/v1/org/units': WRITERS,
  'PATCH /api/v1/org/units/:unitId': WRITERS,
  'GET /api/v1/org/users': READERS,
  'GET /api/v1/org/users/:userId': READERS,
  'POST /api/v1/org/users': WRITERS,
  'PATCH /api/v1/org/users/:userId': WRITERS,
  'PUT /api/v1/org/users/:userId/memberships/:unitId': WRITERS,
  'DELETE /api/v1/org/users/:userId/memberships/:unitId': WRITERS,
  'POST /api/v1/org/users/:userId/roles': WRITERS,
  'DELETE /api/v1/org/users/:userId/roles/:roleId': WRITERS,
  'GET /api/v1/org/deputies': READERS,
  // Any member of staff may be a head of unit (or deputise for one): the route checks the absent user's units.
  'POST /api/v1/org/deputies': [...STAFF, 'writerSystem'],
  'DELETE /api/v1/org/deputies/:deputyId': [...STAFF, 'writerSystem'],
  'GET /api/v1/org/export': ['admin', 'readerSystem', 'writerSystem'],
  'POST /api/v1/org/import': WRITERS,
  'GET /api/v1/audit': ['admin', 'writerSystem'],
  'GET /api/v1/audit/export.csv': ['admin', 'writerSystem'],
  'GET /api/v1/forms': STAFF,
  // Citizens need start forms, and the portal checks submissions live before they sign in.
  'GET /api/v1/forms/:formId': ALL,
  'GET /api/v1/forms/:formId/versions/:version': ALL,
  'POST /api/v1/forms/:formId/versions': ['analyst', 'admin'],
  'POST /api/v1/forms/:formId/versions/:version/validate': ALL,
  'POST /api/v1/applications': ['citizen'],
  'GET /api/v1/applications/mine': ['citizen'],
  // Any person signed in: the route shows an application to its citizen and to staff whose scope reaches it.
  'GET /api/v1/applications/:applicationId': PEOPLE,
  // The citizen who applied replies (the command checks it is theirs); they and staff in scope read the replies.
  'POST /api/v1/applications/:applicationId/replies': ['citizen'],
  'GET /api/v1/applications/:applicationId/replies': PEOPLE,
  'GET /api/v1/services/:serviceId/draft': ['citizen'],
  'PUT /api/v1/services/:serviceId/draft': ['citizen'],
  'DELETE /api/v1/services/:serviceId/draft': ['citizen'],
  'POST /api/v1/attachments': PEOPLE,
  'GET /api/v1/attachments/:attachmentId': PEOPLE,
  // Any person signed in: the routes serve a document to its application's citizen and staff in scope (404 else).
  'GET /api/v1/applications/:applicationId/receipt.pdf': PEOPLE,
  'GET /api/v1/documents/:documentId/content': PEOPLE,
  // Anyone holding a printed document checks it; the answer names no person.
  'GET /api/v1/documents/verify/:code': ALL,
  // Staff (the routes keep to applications in their scope) and systems with opinions:write.
  'GET /api/v1/external-requests': STAFF,
  'POST /api/v1/external-requests/:requestId/answer': STAFF,
  // Any member of staff: the commands check the task's candidate units against the user's scope (404 outside it).
  'GET /api/v1/tasks': STAFF,
  'GET /api/v1/tasks/:taskId': STAFF,
  'POST /api/v1/tasks/:taskId/claim': STAFF,
  'POST /api/v1/tasks/:taskId/unclaim': STAFF,
  'POST /api/v1/tasks/:taskId/assign': STAFF,
  'POST /api/v1/tasks/:taskId/complete': STAFF,
  // The inbox's live updates (406 without Accept: text/event-stream, so this probe ends), comments, files, drafts,
  // history and bulk commands: any member of staff; each task is checked against the caller's scope (404 outside).
  'GET /api/v1/tasks/events': STAFF,
  'POST /api/v1/tasks/bulk/claim': STAFF,
  'POST /api/v1/tasks/bulk/assign': STAFF,
  'GET /api/v1/tasks/:taskId/comments': STAFF,
  'POST /api/v1/tasks/:taskId/comments': STAFF,
  'GET /api/v1/tasks/:taskId/attachments': STAFF,
  'POST /api/v1/tasks/:taskId/attachments': STAFF,
  'GET /api/v1/tasks/:taskId/draft': STAFF,
  'PUT /api/v1/tasks/:taskId/draft': STAFF,
  'DELETE /api/v1/tasks/:taskId/draft': STAFF,
  'GET /api/v1/tasks/:taskId/history': STAFF,
  // A person's own saved inbox filters.
  'GET /api/v1/me/task-filters': STAFF,
  'POST /api/v1/me/task-filters': STAFF,
  'DELETE /api/v1/me/task-filters/:filterId': STAFF,
};

// Path parameters get a well-formed id of nothing, so an admitted call ends in 404 or 400, never a change.
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const pathOf = (route: RegisteredRoute) => route.path.replace(/:(\w+)/g, SAMPLE_ID).replace(/\{\*\w+\}/g, 'x');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the authorization matrix: every route × every persona', () => {
  let runtime: RunningRuntime;
  let baseUrl: string;
  let routes: RegisteredRoute[];
  const credentials = new Map<Persona, () => Promise<Record<string, string>>>();

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'polis-matrix-')),
      ZEEBE_GATEWAY_PORT: '0',
    };
    const config = loadConfig(env, process.cwd());
    if (!config.ok) throw new Error(config.problem.message);
    const database = await openAuditedTestDatabase();
    runtime = await startRuntime({ ...config.value, host: '127.0.0.1' }, pino({ level: 'silent' }), { database });
    routes = listRoutes(runtime.app);
    const knex = runtime.database.knex;
    const { value: csrfSecret } = (await knex('identity_secret').where({ name: 'csrf_secret' }).first('value')) as {
      value: string;
    };
    for (const persona of ALL) {
      const who = PERSONAS[persona];
      if (who === undefined) credentials.set(persona, async () => ({}));
      else if (typeof who === 'string') {
        const { id } = (await knex('app_user').where({ username: who }).first('id')) as { id: string };
        // A fresh session per request: some routes (sign-out) end the one they are called with.
        credentials.set(persona, async () => {
          const token = await createSession(knex, id, 3600_000);
          return { cookie: `polis_session=${token}`, 'x-csrf-token': csrfToken(csrfSecret, sessionDigest(token)) };
        });
      } else {
        const registered = await registerApiClient(knex, systemActor, { name: persona, scopes: who });
        if (!registered.ok) throw new Error(registered.error.message);
        const { clientId, clientSecret } = registered.value;
        const response = await fetch(`${baseUrl}/oidc/token`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
          },
          body: new URLSearchParams({ grant_type: 'client_credentials', scope: who.join(' ') }),
        });
        const { access_token: token } = (await response.clone().json()) as { access_token?: string };
        if (!token)
          throw new Error(
            `Expected a token for ${persona}, but the provider answered ${response.status}: ${JSON.stringify(
              await response
                .clone()
                .json()
                .catch(() => null),
            )}`,
          );
        credentials.set(persona, async () => ({ authorization: `Bearer ${token}` }));
      }
    }
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('should give every registered route a policy and an expected row, and every row a route', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    const withoutPolicy = routes
      .filter((r) => !r.handlers.some((h) => policyOf(h)))
      .map((r) => `${r.method} ${r.path}`);
    expect(withoutPolicy, 'routes without an authorize(policy) handler').toEqual([]);
    expect(
      keys.filter((k) => !(k in EXPECTED)),
      'routes missing from EXPECTED',
    ).toEqual([]);
    expect(
      Object.keys(EXPECTED).filter((k) => !keys.includes(k)),
      'rows of EXPECTED without a route',
    ).toEqual([]);
  });

  it('should admit exactly the expected personas on every route, and ask or refuse the others', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      for (const persona of ALL) {
        // given the persona's credentials
        const headers = await credentials.get(persona)!();
        // when they call the route (with an empty JSON body where it takes one)
        const hasBody = !['GET', 'HEAD', 'DELETE'].includes(route.method);
        const response = await fetch(`${baseUrl}${pathOf(route)}`, {
          method: route.method,
          redirect: 'manual',
          headers: {
            accept: 'application/json',
            ...headers,
            ...(hasBody ? { 'content-type': 'application/json' } : {}),
          },
          ...(hasBody ? { body: '{}' } : {}),
        });
        await response.arrayBuffer();
        // then an admitted persona gets past the gate, and the others are asked to sign in or refused
        const location = response.headers.get('location') ?? '';
        const refused = response.status === 401 || response.status === 403 || location.startsWith('/auth/login');
        const admitted = EXPECTED[key]?.includes(persona) ?? false;
        if (admitted === refused)
          mismatches.push(`${key} as ${persona}: ${response.status}, expected ${admitted ? 'admitted' : 'refused'}`);
        if (!admitted && persona === 'anonymous' && response.status === 403)
          mismatches.push(`${key} as anonymous: 403 where 401 (sign in) was expected`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000);
});
