import type { MigrationSet } from './Migration.js';
import { engineState } from './migrations/0001_engine_state.js';

/** The engine's schema, recorded in its own migrations table. */
export const engineMigrations: MigrationSet = {
  tableName: 'engine_migrations',
  migrations: [engineState],
};
