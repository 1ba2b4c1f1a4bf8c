import type { Knex } from 'knex';

/**
 * One record of the engine's stream, shaped like a Zeebe exporter record. Positions and keys are int64 values,
 * served as strings.
 */
export interface StreamRecord {
  readonly position: string;
  readonly key: string;
  /** Milliseconds since the epoch, when the engine wrote the record. */
  readonly timestamp: number;
  readonly recordType: string;
  readonly valueType: string;
  readonly intent: string;
  readonly processInstanceKey: string | null;
  readonly value: Readonly<Record<string, unknown>>;
}

/**
 * Where projections read the record stream from: the embedded engine's log table today (engineRecordSource); with
 * a Zeebe cluster, a source over exported records (e.g. the Redis exporter's streams) takes its place without
 * changing the projections. Positions only grow, and a record is never read before those before it.
 */
export interface RecordSource {
  /** Up to `limit` records after a position, in position order; read inside the projection's transaction. */
  read(trx: Knex.Transaction, afterPosition: string, limit: number): Promise<StreamRecord[]>;
  /** Calls the listener when new records may have arrived (so projections need not wait for their next poll). */
  subscribe?(listener: () => void): () => void;
}
