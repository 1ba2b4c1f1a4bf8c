import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '@polis/engine';
import { createSession } from '../identity/sessions.js';
import { csrfToken, CSRF_HEADER } from '../middlewares/csrfToken.js';
import type { AccessTokenClaims } from '../middlewares/resolvePrincipal.js';
import { sessionDigest } from '../identity/sessions.js';
import { loadDemoOrgChart } from '../orgchart/loadDemoOrgChart.js';
import { expectEveryChangeAudited, openAuditedTestDatabase } from '../orgchart/useOrgChartDatabase.js';
import { apiRoutes, type ApiRouteDependencies } from '../routes/apiRoutes.js';
import { loadServiceDefinitions } from '../procedures/loadServiceDefinitions.js';
import { shippedDir } from '../procedures/shippedDir.js';
import type { ApiRoute } from './ApiRoute.js';
import { createApp } from './createApp.js';

/** The people (demo accounts, one per role) and systems the API is exercised as. */
export const PERSONAS = {
  anonymous: undefined,
  citizen: 'c.papanikolaou',
  clerk: 'k.petrou',
  headOfUnit: 'd.alexiou',
  manager: 'm.konstantinou',
  analyst: 'e.georgiou',
  operator: 'a.vasileiou',
  admin: 'n.papadopoulos',
  readerSystem: ['orgchart:read'],
  writerSystem: ['orgchart:read', 'orgchart:write', 'audit:read'],
} as const satisfies Record<string, string | readonly string[] | undefined>;

/** One persona's name. */
export type Persona = keyof typeof PERSONAS;

/** A response as tests look at it. */
export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body as received, for binary downloads (PDF). */
  readonly bytes: Buffer;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index into bodies freely
}

/** Calls the app as one persona: with their session cookie and CSRF token, or a bearer token. */
export interface PersonaClient {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
}

/** The running test app. */
export interface TestApp {
  readonly db: Database;
  readonly app: Express;
  readonly baseUrl: string;
  /** Every line the app logged, as JSON objects. */
  readonly logs: Record<string, unknown>[];
  /** The id of a demo user by username. */
  userId(username: string): Promise<string>;
  /** The id of a unit by code. */
  unitId(code: string): Promise<string>;
  as(persona: Persona): Promise<PersonaClient>;
  /** Calls the app as any user of the database, by username (e.g. a second citizen of the demo org chart). */
  asUser(username: string): Promise<PersonaClient>;
}

const CSRF_SECRET = 'test-csrf-secret';

/**
 * Test helper: a fresh database with the demo org chart, and the whole HTTP app over it (API routes, principal
 * resolution, a fake access-token verifier for system personas), served on a free port for the calling file.
 */
export function useTestApp(
  options: {
    extraRoutes?: (db: Database) => readonly ApiRoute[];
    /** Optional dependencies of the API's routes (submissions, attachments), made once the database is open. */
    dependencies?: (
      db: Database,
    ) => Pick<ApiRouteDependencies, 'submissions' | 'attachments' | 'tasks' | 'designs' | 'opinions'>;
  } = {},
): TestApp {
  const tokens = new Map<string, AccessTokenClaims>();
  const logs: Record<string, unknown>[] = [];
  const state = {} as { db: Database; app: Express; server: Server; baseUrl: string };
  beforeAll(async () => {
    state.db = await openAuditedTestDatabase();
    await loadDemoOrgChart(state.db.knex);
    const logger = pino(
      { level: 'debug' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString().split('\n'))
            if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
          done();
        },
      }),
    );
    const knex = state.db.knex;
    state.app = createApp({
      logger,
      readiness: async () => ({ ready: true, checks: {} }),
      principal: { knex, csrfSecret: CSRF_SECRET, verifyAccessToken: async (token) => tokens.get(token) },
      api: [
        ...apiRoutes({
          knex,
          csrfSecret: CSRF_SECRET,
          publicUrl: 'http://127.0.0.1',
          version: 'test',
          services: await loadServiceDefinitions(shippedDir('process-definitions')),
          ...options.dependencies?.(state.db),
        }),
        ...(options.extraRoutes?.(state.db) ?? []),
      ],
    });
    state.server = createServer(state.app);
    await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
    state.baseUrl = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (state.server ? state.server.close(() => resolve()) : resolve()));
    if (!state.db) return;
    try {
      await expectEveryChangeAudited(state.db);
    } finally {
      await state.db.close();
    }
  });

  const call =
    (headers: Record<string, string>): PersonaClient['request'] =>
    async (method, path, body, extra = {}) => {
      const isText = typeof body === 'string';
      const isBinary = body instanceof Uint8Array;
      const response = await fetch(`${state.baseUrl}${path}`, {
        method,
        redirect: 'manual',
        headers: {
          accept: 'application/json',
          ...(body === undefined
            ? {}
            : { 'content-type': isBinary ? 'application/octet-stream' : isText ? 'text/csv' : 'application/json' }),
          ...headers,
          ...extra,
        },
        ...(body === undefined ? {} : { body: isText || isBinary ? body : JSON.stringify(body) }),
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      const text = bytes.toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, text, bytes, json };
    };

  const testApp: TestApp = {
    get db() {
      return state.db;
    },
    get app() {
      return state.app;
    },
    get baseUrl() {
      return state.baseUrl;
    },
    logs,
    async userId(username) {
      const row = (await state.db.knex('app_user').where({ username }).first('id')) as { id: string } | undefined;
      if (!row) throw new Error(`Expected a demo user ${username}, but there is none.`);
      return row.id;
    },
    async unitId(code) {
      const row = (await state.db.knex('org_unit').where({ code }).first('id')) as { id: string } | undefined;
      if (!row) throw new Error(`Expected a demo unit ${code}, but there is none.`);
      return row.id;
    },
    async as(persona) {
      const who = PERSONAS[persona];
      if (who === undefined) return { request: call({}) };
      if (typeof who !== 'string') {
        const token = randomBytes(16).toString('base64url');
        tokens.set(token, { clientId: `test-${persona}`, scopes: who });
        return { request: call({ authorization: `Bearer ${token}` }) };
      }
      return testApp.asUser(who);
    },
    async asUser(username) {
      const session = await createSession(state.db.knex, await testApp.userId(username), 3600_000);
      return {
        request: call({
          cookie: `polis_session=${session}`,
          [CSRF_HEADER]: csrfToken(CSRF_SECRET, sessionDigest(session)),
        }),
      };
    },
  };
  return testApp;
}
