import { afterAll, beforeAll } from 'vitest';
import { engineMigrations, type Database } from '@polis/engine';
import { createTestDatabase } from '@polis/engine/testing';
import { runtimeMigrations } from '../store/runtimeMigrations.js';

/** Test helper: a fresh migrated database for the calling test file, closed after it. */
export function useOrgChartDatabase(): { readonly db: Database } {
  const fixture = {} as { db: Database };
  beforeAll(async () => {
    fixture.db = await createTestDatabase([engineMigrations, runtimeMigrations]);
  });
  afterAll(async () => {
    await fixture.db?.close();
  });
  return fixture;
}
