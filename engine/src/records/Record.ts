import type { JsonValue } from '../feel/feel.js';

/** Zeebe's value types, as they appear in exported records. */
export type ValueType =
  | 'DEPLOYMENT'
  | 'PROCESS'
  | 'PROCESS_INSTANCE'
  | 'PROCESS_INSTANCE_CREATION'
  | 'JOB'
  | 'JOB_BATCH'
  | 'VARIABLE'
  | 'VARIABLE_DOCUMENT'
  | 'INCIDENT'
  | 'TIMER'
  | 'MESSAGE'
  | 'MESSAGE_SUBSCRIPTION'
  | 'PROCESS_MESSAGE_SUBSCRIPTION'
  | 'MESSAGE_START_EVENT_SUBSCRIPTION'
  | 'SIGNAL'
  | 'SIGNAL_SUBSCRIPTION'
  | 'ERROR'
  | 'ESCALATION';

/** Whether a record is an event (a fact), a command, or a command's rejection. */
export type RecordType = 'EVENT' | 'COMMAND' | 'COMMAND_REJECTION';

/** A record value: Zeebe's fields for its value type, as JSON. */
export type RecordValue = { readonly [field: string]: JsonValue };

/** One entry of the engine's record log, shaped like a record of Zeebe's exporters. */
export interface EngineRecord {
  readonly position: number;
  readonly key: number;
  readonly timestamp: number;
  readonly recordType: RecordType;
  readonly valueType: ValueType;
  readonly intent: string;
  readonly partitionId: 1;
  readonly value: RecordValue;
}

/** A record before the log has given it a position. */
export type PendingRecord = Omit<EngineRecord, 'position' | 'partitionId'>;
