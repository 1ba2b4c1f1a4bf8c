import type { Knex } from 'knex';
import type { Task } from '../Task.js';
import { PERSON_COLUMNS, personFromRow, type PersonColumns, type TaskPerson } from '../TaskPerson.js';
import { elementNames } from './elementNames.js';
import type { ProcessHistorySource } from './ProcessHistorySource.js';

/** One step of a process instance's history. */
export interface HistoryEvent {
  readonly at: Date;
  readonly elementId: string;
  readonly elementName: string | null;
  readonly elementType: string;
  readonly intent: string;
  /** Who completed a user task. */
  readonly by?: TaskPerson;
}

/** A task's process instance: its diagram, where it stands, and how it got there. */
export interface TaskHistory {
  readonly processInstanceKey: string;
  readonly processDefinitionKey: string | null;
  readonly processId: string;
  readonly processVersion: number;
  /** Null when the source does not know the definition (it was deployed elsewhere). */
  readonly bpmnXml: string | null;
  /** Elements active now: activated and neither completed nor terminated. */
  readonly activeElementIds: readonly string[];
  /** Elements completed at least once, and sequence flows taken. */
  readonly completedElementIds: readonly string[];
  readonly events: readonly HistoryEvent[];
}

/** Who completed each user task of an instance, by element instance key: the holder of its completion lock. */
async function completers(knex: Knex, processInstanceKey: string): Promise<Map<string, TaskPerson>> {
  const rows = (await knex('task as t')
    .join('task_completion as c', 'c.task_id', 't.id')
    .join('app_user as p', 'p.id', 'c.user_id')
    .where('t.process_instance_key', processInstanceKey)
    .where('t.status', 'completed')
    .select(knex.raw('t.element_instance_key::text as element_instance_key'), ...PERSON_COLUMNS)) as (PersonColumns & {
    element_instance_key: string;
  })[];
  return new Map(rows.map((r) => [r.element_instance_key, personFromRow(r)!]));
}

/**
 * The history of a task's process instance, read from the source (the record log): every element activated,
 * completed or terminated and every sequence flow taken, oldest first, with the element's name from the BPMN and
 * who completed each user task; and which elements are active and completed, to highlight on the diagram.
 */
export async function taskHistory(
  knex: Knex,
  source: ProcessHistorySource,
  task: Pick<Task, 'processInstanceKey' | 'processId' | 'processVersion'>,
): Promise<TaskHistory> {
  const [definition, records, completedBy] = await Promise.all([
    source.definition(task.processId, task.processVersion),
    source.elementRecords(task.processInstanceKey),
    completers(knex, task.processInstanceKey),
  ]);
  const names = definition ? elementNames(definition.bpmnXml) : new Map<string, string>();
  const active = new Map<string, string>();
  const completed = new Set<string>();
  const events: HistoryEvent[] = [];
  for (const record of records) {
    if (record.elementType === 'PROCESS') continue;
    if (record.intent === 'ELEMENT_ACTIVATED') active.set(record.key, record.elementId);
    else active.delete(record.key);
    if (record.intent === 'ELEMENT_COMPLETED' || record.intent === 'SEQUENCE_FLOW_TAKEN')
      completed.add(record.elementId);
    const by = record.intent === 'ELEMENT_COMPLETED' ? completedBy.get(record.key) : undefined;
    events.push({
      at: record.at,
      elementId: record.elementId,
      elementName: names.get(record.elementId) ?? null,
      elementType: record.elementType,
      intent: record.intent,
      ...(by ? { by } : {}),
    });
  }
  return {
    processInstanceKey: task.processInstanceKey,
    processDefinitionKey: definition?.processDefinitionKey ?? null,
    processId: task.processId,
    processVersion: task.processVersion,
    bpmnXml: definition?.bpmnXml ?? null,
    activeElementIds: [...new Set(active.values())],
    completedElementIds: [...completed],
    events,
  };
}
