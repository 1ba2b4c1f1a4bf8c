import type { Knex } from 'knex';
import type { RecordSource, StreamRecord } from './RecordSource.js';

interface Row {
  position: string;
  key: string;
  timestamp: string | number;
  record_type: string;
  value_type: string;
  intent: string;
  process_instance_key: string | null;
  value: Record<string, unknown> | string;
}

/**
 * The record stream of the embedded engine: its `engine_record` table in the same database. The engine takes the
 * log's lock from reserving positions until its commit, so positions become visible in order, without gaps that
 * fill in later. `onRecords` (the embedded engine's announcement of committed records) wakes projections early.
 */
export function engineRecordSource(onRecords?: (listener: () => void) => () => void): RecordSource {
  return {
    async read(trx: Knex.Transaction, afterPosition: string, limit: number): Promise<StreamRecord[]> {
      const rows = (await trx('engine_record')
        .where('position', '>', afterPosition)
        .orderBy('position')
        .limit(limit)
        .select(
          trx.raw('position::text as position'),
          trx.raw('key::text as key'),
          'timestamp',
          'record_type',
          'value_type',
          'intent',
          trx.raw('process_instance_key::text as process_instance_key'),
          'value',
        )) as Row[];
      return rows.map((r) => ({
        position: r.position,
        key: r.key,
        timestamp: Number(r.timestamp),
        recordType: r.record_type,
        valueType: r.value_type,
        intent: r.intent,
        processInstanceKey: r.process_instance_key,
        value: typeof r.value === 'string' ? (JSON.parse(r.value) as Record<string, unknown>) : r.value,
      }));
    },
    ...(onRecords ? { subscribe: onRecords } : {}),
  };
}
