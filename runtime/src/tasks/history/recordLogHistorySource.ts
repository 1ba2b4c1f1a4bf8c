import type { Knex } from 'knex';
import type { ElementRecord, ProcessHistorySource } from './ProcessHistorySource.js';

/** The element steps a history shows; the ACTIVATING/COMPLETING steps in between add nothing for a person. */
const INTENTS = ['ELEMENT_ACTIVATED', 'ELEMENT_COMPLETED', 'ELEMENT_TERMINATED', 'SEQUENCE_FLOW_TAKEN'];

type RecordRow = { key: string | number; timestamp: string | number; intent: string; value: unknown };

/**
 * A process instance's history from the embedded engine's record log and its deployed definitions (same
 * database, read only; the engine writes both in its batches). With a Zeebe cluster, a source over the
 * exporter's records takes its place.
 */
export function recordLogHistorySource(knex: Knex): ProcessHistorySource {
  return {
    async definition(processId, version) {
      const row = (await knex('engine_process_definition')
        .where({ bpmn_process_id: processId, version })
        .first(knex.raw('key::text as key'), 'resource')) as { key: string; resource: string } | undefined;
      return row && { processDefinitionKey: row.key, bpmnXml: row.resource };
    },
    async elementRecords(processInstanceKey) {
      const rows = (await knex('engine_record')
        .where({ process_instance_key: processInstanceKey, value_type: 'PROCESS_INSTANCE', record_type: 'EVENT' })
        .whereIn('intent', INTENTS)
        .orderBy('position')
        .select('key', 'timestamp', 'intent', 'value')) as RecordRow[];
      return rows.map((row): ElementRecord => {
        const value = (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as {
          elementId: string;
          bpmnElementType: string;
        };
        return {
          key: String(row.key),
          at: new Date(Number(row.timestamp)),
          elementId: value.elementId,
          elementType: value.bpmnElementType,
          intent: row.intent,
        };
      });
    },
  };
}
