export type { Database, Dialect } from './store/Database.js';
export type { DatabaseTarget } from './store/openDatabase.js';
export { openDatabase, pgliteDirectory, redactUrl } from './store/openDatabase.js';
export type { Migration, MigrationSet } from './store/Migration.js';
export { migrate, isMigrated } from './store/migrate.js';
export { engineMigrations } from './store/engineMigrations.js';
export { DatabaseUnavailableError, InvariantViolation } from './errors.js';
