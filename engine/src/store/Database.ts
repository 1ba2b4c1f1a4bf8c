import type { Knex } from 'knex';

/** Which database server a {@link Database} talks to. */
export type Dialect = 'postgres' | 'pglite';

/** An open database: the knex instance, its dialect and how to close it. */
export interface Database {
  readonly knex: Knex;
  readonly dialect: Dialect;
  /** A human-readable location without credentials, for logs and errors. */
  readonly location: string;
  /** Closes every connection and releases locks; safe to call twice. */
  close(): Promise<void>;
}
