import { afterAll, beforeAll, expect } from 'vitest';
import { engineMigrations, type Database } from '@polis/engine';
import { createTestDatabase } from '@polis/engine/testing';
import { runtimeMigrations } from '../store/runtimeMigrations.js';
import { installChangeLog, unauditedChanges } from './changeLog.js';

/**
 * Test helper: a fresh migrated database for the calling test file, closed after it. Every change the file's
 * tests make to an audited table must come with its audit entry: the check runs before the database closes.
 */
export function useOrgChartDatabase(): { readonly db: Database } {
  const fixture = {} as { db: Database };
  beforeAll(async () => {
    fixture.db = await openAuditedTestDatabase();
  });
  afterAll(async () => {
    if (!fixture.db) return;
    try {
      await expectEveryChangeAudited(fixture.db);
    } finally {
      await fixture.db.close();
    }
  });
  return fixture;
}

/** A fresh migrated test database that records changes to audited tables. */
export async function openAuditedTestDatabase(): Promise<Database> {
  const db = await createTestDatabase([engineMigrations, runtimeMigrations]);
  await installChangeLog(db.knex);
  return db;
}

/** Fails the calling file when a change to an audited table came without its audit entry. */
export async function expectEveryChangeAudited(db: Database): Promise<void> {
  expect(await unauditedChanges(db.knex), 'changes to audited tables without an audit entry').toEqual([]);
}
