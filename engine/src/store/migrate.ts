import type { Knex } from 'knex';
import type { Migration, MigrationSet } from './Migration.js';

class ListMigrationSource implements Knex.MigrationSource<Migration> {
  constructor(private readonly migrations: readonly Migration[]) {}
  async getMigrations(): Promise<Migration[]> {
    return [...this.migrations].sort((a, b) => a.name.localeCompare(b.name));
  }
  getMigrationName(migration: Migration): string {
    return migration.name;
  }
  async getMigration(migration: Migration): Promise<Knex.Migration> {
    return { up: (knex) => migration.up(knex), down: (knex) => migration.down(knex) };
  }
}

/** Brings the schema up to date with each set, in the order given; returns the names of the migrations it ran. */
export async function migrate(knex: Knex, sets: readonly MigrationSet[]): Promise<string[]> {
  const ran: string[] = [];
  for (const set of sets) {
    const [, names] = (await knex.migrate.latest({
      migrationSource: new ListMigrationSource(set.migrations),
      tableName: set.tableName,
    })) as [number, string[]];
    ran.push(...names);
  }
  return ran;
}

/** Whether every migration of every set has run. */
export async function isMigrated(knex: Knex, sets: readonly MigrationSet[]): Promise<boolean> {
  for (const set of sets) {
    const [, pending] = (await knex.migrate.list({
      migrationSource: new ListMigrationSource(set.migrations),
      tableName: set.tableName,
    })) as [unknown[], unknown[]];
    if (pending.length > 0) return false;
  }
  return true;
}
