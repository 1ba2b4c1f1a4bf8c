import type { Knex } from 'knex';
import type { Clock } from '../feel/Clock.js';
import type { PendingRecord, RecordType, RecordValue, ValueType } from '../records/Record.js';
import type { DefinitionCache } from '../state/DefinitionCache.js';
import type { KeyGenerator } from '../state/KeyGenerator.js';
import { mappings } from '../state/mappings.js';
import { TableCache } from '../state/TableCache.js';

/**
 * Everything one batch transaction works on: the transaction, cached state tables, the records it
 * produces, and what to announce once it commits.
 */
export class BatchContext {
  readonly instances;
  readonly jobs;
  readonly timers;
  readonly messageSubscriptions;
  readonly messageStartSubscriptions;
  readonly signalSubscriptions;
  readonly messages;
  readonly incidents;
  readonly records: PendingRecord[] = [];
  /** Job types that got activatable jobs: waiting workers are woken after commit. */
  readonly jobTypesAvailable = new Set<string>();
  readonly afterCommit: (() => void)[] = [];
  /** Process instances that finished in this batch, with their root variables (for awaiting callers). */
  readonly finishedInstances = new Map<number, { completed: boolean; variables: Record<string, unknown> }>();
  /** Latest process definitions looked up in this batch, by BPMN process id. */
  readonly latestDefinitions = new Map<string, number>();
  /** Instances whose creators wait for their end (create with result), resolved after commit. */
  readonly awaited = new Map<number, (outcome: { completed: boolean; variables: Record<string, unknown> }) => void>();
  private flushedRecords = 0;
  readonly committedRecords: PendingRecord[] = [];

  constructor(
    readonly trx: Knex.Transaction,
    readonly clock: Clock,
    readonly now: number,
    private readonly keys: KeyGenerator,
    readonly definitions: DefinitionCache,
  ) {
    this.instances = new TableCache(mappings.instance, trx);
    this.jobs = new TableCache(mappings.job, trx);
    this.timers = new TableCache(mappings.timer, trx);
    this.messageSubscriptions = new TableCache(mappings.messageSubscription, trx);
    this.messageStartSubscriptions = new TableCache(mappings.messageStartSubscription, trx);
    this.signalSubscriptions = new TableCache(mappings.signalSubscription, trx);
    this.messages = new TableCache(mappings.message, trx);
    this.incidents = new TableCache(mappings.incident, trx);
  }

  nextKey(): Promise<number> {
    return this.keys.nextKey(this.trx);
  }

  /** Appends a record to the batch's part of the log. */
  record(
    valueType: ValueType,
    intent: string,
    key: number,
    value: RecordValue,
    recordType: RecordType = 'EVENT',
  ): void {
    this.records.push({ key, timestamp: this.now, recordType, valueType, intent, value });
  }

  /** Writes every pending change, so that queries in this transaction see the batch's own writes. */
  async flush(): Promise<void> {
    await this.instances.flush();
    await this.jobs.flush();
    await this.timers.flush();
    await this.messageSubscriptions.flush();
    await this.messageStartSubscriptions.flush();
    await this.signalSubscriptions.flush();
    await this.messages.flush();
    await this.incidents.flush();
  }

  /** Writes state and appends the records, returning them with their log positions. */
  async flushAll(): Promise<{ position: number; record: PendingRecord }[]> {
    await this.flush();
    const pending = this.records.slice(this.flushedRecords);
    this.flushedRecords = this.records.length;
    if (pending.length === 0) return [];
    // Take the log lock (held to commit, so positions follow commit order across engine processes) and
    // reserve the positions in the same round trip; the insert then needs no RETURNING.
    const reserved = await this.trx.raw(
      `with locked as (select pg_advisory_xact_lock(7071))
       select setval('engine_record_position_seq', nextval('engine_record_position_seq') + ? - 1) as last from locked`,
      [pending.length],
    );
    const first = Number((reserved.rows as { last: string }[])[0]!.last) - pending.length + 1;
    const out = pending.map((record, i) => ({ position: first + i, record }));
    for (let i = 0; i < out.length; i += 2000) {
      await this.trx.raw(
        `insert into engine_record (position, key, timestamp, record_type, value_type, intent, process_instance_key, value)
         select position, key, timestamp, record_type, value_type, intent, process_instance_key, value
         from json_to_recordset(?::json) as x(position bigint, key bigint, timestamp bigint, record_type text,
           value_type text, intent text, process_instance_key bigint, value json)`,
        [JSON.stringify(out.slice(i, i + 2000).map(recordColumns))],
      );
    }
    return out;
  }
}

function recordColumns({ position, record: r }: { position: number; record: PendingRecord }) {
  const instance = r.value.processInstanceKey;
  return {
    position,
    key: r.key,
    timestamp: r.timestamp,
    record_type: r.recordType,
    value_type: r.valueType,
    intent: r.intent,
    process_instance_key: typeof instance === 'number' && instance > 0 ? instance : null,
    value: r.value,
  };
}
