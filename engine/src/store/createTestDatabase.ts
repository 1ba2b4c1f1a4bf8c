import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import type { Database } from './Database.js';
import type { MigrationSet } from './Migration.js';
import { migrate } from './migrate.js';
import { openDatabase, openPglite } from './openDatabase.js';

function templateKey(sets: readonly MigrationSet[]): string {
  const hash = createHash('sha256');
  for (const set of sets) {
    hash.update(set.tableName);
    for (const migration of set.migrations) {
      hash.update(migration.name).update(migration.up.toString()).update(migration.down.toString());
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function freshPglite(sets: readonly MigrationSet[]): Promise<Database> {
  const file = join(tmpdir(), `polis-pglite-template-${templateKey(sets)}.tar.gz`);
  if (existsSync(file)) {
    return (await openPglite(undefined, new Blob([readFileSync(file)]))).database;
  }
  const { database, pglite } = await openPglite(undefined, undefined);
  await migrate(database.knex, sets);
  const dump = await pglite.dumpDataDir('gzip');
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file); // atomic: a concurrent worker sees the whole template or none
  return database;
}
async function withAdmin<T>(url: string, fn: (admin: knexFactory.Knex) => Promise<T>): Promise<T> {
  const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  try {
    return await fn(admin);
  } finally {
    await admin.destroy();
  }
}

async function freshPostgres(url: string, sets: readonly MigrationSet[]): Promise<Database> {
  const key = templateKey(sets);
  const template = `polis_tpl_${key}`;
  const name = `polis_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const withDatabase = (database: string) => {
    const parsed = new URL(url);
    parsed.pathname = `/${database}`;
    return parsed.toString();
  };
  await withAdmin(url, async (admin) => {
    // Serialize template creation across test workers (the admin pool has one connection).
    await admin.raw('select pg_advisory_lock(hashtext(?))', [template]);
    try {
      const exists = await admin.raw('select 1 from pg_database where datname = ?', [template]);
      if (exists.rows.length === 0) {
        const building = `${template}_building`;
        await admin.raw(`drop database if exists "${building}" with (force)`);
        await admin.raw(`create database "${building}"`);
        const db = await openDatabase({ kind: 'postgres', url: withDatabase(building), poolSize: 1 });
        try {
          await migrate(db.knex, sets);
        } finally {
          await db.close();
        }
        await admin.raw(`alter database "${building}" rename to "${template}"`);
      }
    } finally {
      await admin.raw('select pg_advisory_unlock(hashtext(?))', [template]);
    }
    await admin.raw(`create database "${name}" template "${template}"`);
  });
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(name), poolSize: 4 });
  return {
    ...db,
    async close() {
      await db.close();
      await withAdmin(url, (admin) => admin.raw(`drop database if exists "${name}" with (force)`));
    },
  };
}

/**
 * Gives a test file its own migrated database: a clone of a migrated PGlite template by default,
 * or, when DATABASE_URL is set, a new PostgreSQL database made from a migrated template database.
 */
export async function createTestDatabase(sets: readonly MigrationSet[]): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return freshPostgres(url, sets);
  return freshPglite(sets);
}
