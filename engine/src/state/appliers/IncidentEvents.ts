import type { BatchContext } from '../../processing/BatchContext.js';
import type { RecordValue } from '../../records/Record.js';
import type { IncidentRow } from '../types.js';

/** The record value Zeebe writes for an incident. */
export function incidentValue(incident: IncidentRow): RecordValue {
  return {
    errorType: incident.data.errorType,
    errorMessage: incident.data.errorMessage,
    bpmnProcessId: incident.data.bpmnProcessId,
    processDefinitionKey: incident.data.processDefinitionKey,
    processInstanceKey: incident.processInstanceKey,
    elementId: incident.data.elementId,
    elementInstanceKey: incident.data.elementInstanceKey,
    jobKey: incident.jobKey ?? -1,
    variableScopeKey: incident.data.variableScopeKey,
    tenantId: '<default>',
  };
}

/** Appliers of INCIDENT events. */
export class IncidentEvents {
  constructor(private readonly ctx: BatchContext) {}

  created(incident: IncidentRow): void {
    this.ctx.incidents.put(incident);
    this.ctx.record('INCIDENT', 'CREATED', incident.key, incidentValue(incident));
  }

  resolved(incident: IncidentRow): void {
    this.ctx.incidents.delete(incident.key);
    this.ctx.record('INCIDENT', 'RESOLVED', incident.key, incidentValue(incident));
  }
}
