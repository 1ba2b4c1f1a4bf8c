import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { join } from 'node:path';
import { DatabaseUnavailableError } from '../errors.js';
import type { Database } from './Database.js';
import { lockDirectory } from './DirectoryLock.js';

/** Where to open a database: a PostgreSQL server, a PGlite data directory, or an in-memory PGlite. */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; loadDataDir?: Blob };

const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Keys are int64: keep them as strings on both dialects, exactly as node-postgres does by default.
pg.types.setTypeParser(INT8_OID, (value) => value);

/** Shows a PostgreSQL URL without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const knex = knexFactory({
    client: 'pg',
    connection: { connectionString: url, connectionTimeoutMillis: 5000 },
    pool: { min: 0, max: poolSize },
    acquireConnectionTimeout: 10_000,
    // knex would print connection failures to the console; the caller reports them once, as one line.
    log: { warn: () => undefined, error: () => undefined, deprecate: () => undefined, debug: () => undefined },
  });
  const location = redactUrl(url);
  try {
    await knex.raw('select 1');
  } catch (error) {
    await knex.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`Cannot reach the database at ${location}: ${reason}`);
  }
  let closed = false;
  return {
    knex,
    dialect: 'postgres',
    location,
    async close() {
      if (closed) return;
      closed = true;
      await knex.destroy();
    },
  };
}

/** Opens PGlite and also returns the PGlite instance itself, for dumping templates in tests. */
export async function openPglite(
  dataDir: string | undefined,
  loadDataDir: Blob | undefined,
): Promise<{ database: Database; pglite: PGlite }> {
  const lock = dataDir === undefined ? undefined : lockDirectory(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, {
      parsers: { [INT8_OID]: (value: string) => value, [NUMERIC_OID]: (value: string) => value },
      ...(loadDataDir ? { loadDataDir } : {}),
    });
  } catch (error) {
    lock?.release();
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`Cannot open the embedded database in ${dataDir ?? 'memory'}: ${reason}`);
  }
  const knex = knexFactory({
    client: ClientPgLite as unknown as typeof knexFactory.Client,
    dialect: 'postgres',
    connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
  });
  let closed = false;
  const database: Database = {
    knex,
    dialect: 'pglite',
    location: dataDir === undefined ? 'pglite:memory' : `pglite:${dataDir}`,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await knex.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
  return { database, pglite };
}

/**
 * Opens the database named by the target and checks that it answers.
 * @throws DatabaseUnavailableError when it cannot be reached, opened or locked.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  switch (target.kind) {
    case 'postgres':
      return openPostgres(target.url, target.poolSize ?? 10);
    case 'pglite':
      return (await openPglite(target.dataDir, undefined)).database;
    case 'pglite-memory':
      return (await openPglite(undefined, target.loadDataDir)).database;
  }
}

/** The PGlite data directory used under a Polis data directory. */
export function pgliteDirectory(dataDir: string): string {
  return join(dataDir, 'pglite');
}
