import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './createTestDatabase.js';
import type { MigrationSet } from './Migration.js';
import { isMigrated, migrate } from './migrate.js';
import { openDatabase, redactUrl } from './openDatabase.js';

const sample: MigrationSet = {
  tableName: 'sample_migrations',
  migrations: [
    {
      name: '0001_note',
      up: (knex) =>
        knex.schema.createTable('note', (t) => {
          t.bigIncrements('id');
          t.text('body').notNullable();
        }),
      down: (knex) => knex.schema.dropTable('note'),
    },
  ],
};

describe('openDatabase', () => {
  it('should name an unreachable PostgreSQL server without showing the password', async () => {
    // given a server that does not listen
    const url = 'postgres://polis:secret@127.0.0.1:1/polis';
    // when / then
    await expect(openDatabase({ kind: 'postgres', url })).rejects.toThrow(
      /^Cannot reach the database at postgres:\/\/polis:\*\*\*@127\.0\.0\.1:1\/polis: .*ECONNREFUSED/,
    );
    expect(redactUrl(url)).not.toContain('secret');
  });

  it('should keep data in a PGlite directory across reopenings and refuse a second opener', async () => {
    // given a durable PGlite directory with a migrated schema and one row
    const dir = join(mkdtempSync(join(tmpdir(), 'polis-db-')), 'pglite');
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await migrate(first.knex, [sample]);
    await first.knex('note').insert({ body: 'kept' });
    // when a second opener comes while the first is open
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow('already open in this process');
    await first.close();
    // then after closing, reopening finds the row and no pending migration
    const second = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(await second.knex('note').pluck('body')).toEqual(['kept']);
    expect(await isMigrated(second.knex, [sample])).toBe(true);
    await second.close();
  });
});

describe('createTestDatabase', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close()));
  });

  it('should give each caller an isolated, migrated database', async () => {
    // given two test databases from the same migrations
    const a = await createTestDatabase([sample]);
    const b = await createTestDatabase([sample]);
    opened.push(a, b);
    // when one is written
    await a.knex('note').insert({ body: 'only in a' });
    // then the other does not see it, and both are fully migrated
    expect(await a.knex('note').count({ n: '*' })).toEqual([{ n: '1' }]);
    expect(await b.knex('note').count({ n: '*' })).toEqual([{ n: '0' }]);
    expect(await isMigrated(b.knex, [sample])).toBe(true);
  });

  it('should return int8 values as strings on every dialect', async () => {
    const db = await createTestDatabase([sample]);
    opened.push(db);
    const [row] = await db.knex('note').insert({ body: 'x' }).returning('id');
    expect(typeof row.id).toBe('string');
  });
});
