import type { Knex } from 'knex';

/** One schema change, applied once, in name order, inside a transaction. */
export interface Migration {
  readonly name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** A package's migrations and the table that records which of them ran. */
export interface MigrationSet {
  readonly tableName: string;
  readonly migrations: readonly Migration[];
}
