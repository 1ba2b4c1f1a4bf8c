import type { MigrationSet } from './Migration.js';

/** The engine's schema, recorded in its own migrations table. */
export const engineMigrations: MigrationSet = {
  tableName: 'engine_migrations',
  migrations: [],
};
