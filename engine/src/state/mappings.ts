import type { TableMapping } from './TableCache.js';
import type {
  IncidentRow,
  JobRow,
  MessageRow,
  MessageStartSubscriptionRow,
  MessageSubscriptionRow,
  ProcessInstanceDoc,
  SignalSubscriptionRow,
  TimerRow,
} from './types.js';

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const json = (value: unknown): string => JSON.stringify(value);
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

/** Each state table's mapping between rows and columns. */
export const mappings = {
  instance: {
    table: 'engine_process_instance',
    toColumns: (row) => ({
      key: row.key,
      bpmn_process_id: row.bpmnProcessId,
      process_definition_key: row.processDefinitionKey,
      data: json(row),
    }),
    fromColumns: (c) => parsed<ProcessInstanceDoc>(c.data),
  } satisfies TableMapping<ProcessInstanceDoc>,
  job: {
    table: 'engine_job',
    toColumns: (row) => ({
      key: row.key,
      type: row.type,
      state: row.state,
      process_instance_key: row.processInstanceKey,
      element_instance_key: row.elementInstanceKey,
      retries: row.retries,
      deadline: row.deadline,
      recurring_at: row.recurringAt,
      data: json(row.data),
    }),
    fromColumns: (c) => ({
      key: num(c.key),
      type: c.type as string,
      state: c.state as JobRow['state'],
      processInstanceKey: num(c.process_instance_key),
      elementInstanceKey: num(c.element_instance_key),
      retries: num(c.retries),
      deadline: numOrNull(c.deadline),
      recurringAt: numOrNull(c.recurring_at),
      data: parsed<JobRow['data']>(c.data),
    }),
  } satisfies TableMapping<JobRow>,
  timer: {
    table: 'engine_timer',
    toColumns: (row) => ({
      key: row.key,
      due_date: row.dueDate,
      process_instance_key: row.processInstanceKey,
      process_definition_key: row.processDefinitionKey,
      data: json(row.data),
    }),
    fromColumns: (c) => ({
      key: num(c.key),
      dueDate: num(c.due_date),
      processInstanceKey: numOrNull(c.process_instance_key),
      processDefinitionKey: num(c.process_definition_key),
      data: parsed<TimerRow['data']>(c.data),
    }),
  } satisfies TableMapping<TimerRow>,
  messageSubscription: {
    table: 'engine_message_subscription',
    toColumns: (row) => ({
      key: row.key,
      message_name: row.messageName,
      correlation_key: row.correlationKey,
      process_instance_key: row.processInstanceKey,
      bpmn_process_id: row.bpmnProcessId,
      data: json(row.data),
    }),
    fromColumns: (c) => ({
      key: num(c.key),
      messageName: c.message_name as string,
      correlationKey: c.correlation_key as string,
      processInstanceKey: num(c.process_instance_key),
      bpmnProcessId: c.bpmn_process_id as string,
      data: parsed<MessageSubscriptionRow['data']>(c.data),
    }),
  } satisfies TableMapping<MessageSubscriptionRow>,
  messageStartSubscription: {
    table: 'engine_message_start_subscription',
    toColumns: (row) => ({
      key: row.key,
      message_name: row.messageName,
      bpmn_process_id: row.bpmnProcessId,
      process_definition_key: row.processDefinitionKey,
      data: json(row.data),
    }),
    fromColumns: (c) => ({
      key: num(c.key),
      messageName: c.message_name as string,
      bpmnProcessId: c.bpmn_process_id as string,
      processDefinitionKey: num(c.process_definition_key),
      data: parsed<MessageStartSubscriptionRow['data']>(c.data),
    }),
  } satisfies TableMapping<MessageStartSubscriptionRow>,
  signalSubscription: {
    table: 'engine_signal_subscription',
    toColumns: (row) => ({
      key: row.key,
      signal_name: row.signalName,
      process_instance_key: row.processInstanceKey,
      process_definition_key: row.processDefinitionKey,
      data: json(row.data),
    }),
    fromColumns: (c) => ({
      key: num(c.key),
      signalName: c.signal_name as string,
      processInstanceKey: numOrNull(c.process_instance_key),
      processDefinitionKey: num(c.process_definition_key),
      data: parsed<SignalSubscriptionRow['data']>(c.data),
    }),
  } satisfies TableMapping<SignalSubscriptionRow>,
  message: {
    table: 'engine_message',
    toColumns: (row) => ({
      key: row.key,
      name: row.name,
      correlation_key: row.correlationKey,
      message_id: row.messageId,
      deadline: row.deadline,
      data: json(row.data),
    }),
    fromColumns: (c) => ({
      key: num(c.key),
      name: c.name as string,
      correlationKey: c.correlation_key as string,
      messageId: (c.message_id as string | null) ?? null,
      deadline: num(c.deadline),
      data: parsed<MessageRow['data']>(c.data),
    }),
  } satisfies TableMapping<MessageRow>,
  incident: {
    table: 'engine_incident',
    toColumns: (row) => ({
      key: row.key,
      process_instance_key: row.processInstanceKey,
      job_key: row.jobKey,
      data: json(row.data),
    }),
    fromColumns: (c) => ({
      key: num(c.key),
      processInstanceKey: num(c.process_instance_key),
      jobKey: numOrNull(c.job_key),
      data: parsed<IncidentRow['data']>(c.data),
    }),
  } satisfies TableMapping<IncidentRow>,
};
