import type { Knex } from 'knex';
import type { ServiceDefinition, ServiceMilestone } from '../procedures/serviceDefinitionSchema.js';
import type { ApplicationStatus, StatusLabel } from './ApplicationStatus.js';
import type { StreamRecord } from './RecordSource.js';
import type { ProjectionHandler } from './startProjection.js';

/** The checkpoint name of the application-status projection. */
export const APPLICATION_STATUS_PROJECTION = 'application-status';

/** What the process waits for from the citizen: a message they answer with a form. */
export interface AwaitingReply {
  readonly messageName: string;
  readonly formId: string;
  /** ISO 8601: when the process began to wait. */
  readonly since: string;
}

interface State {
  applicationId: string;
  processInstanceKey: string;
  status: ApplicationStatus;
  elementId: string | null;
  label: StatusLabel | null;
  changedAt: Date;
  finalStatus: ApplicationStatus | null;
  finalElementId: string | null;
  finalLabel: StatusLabel | null;
  awaitingReply: AwaitingReply | null;
  position: string;
  dirty: boolean;
}

interface Row {
  application_id: string;
  process_instance_key: string;
  status: ApplicationStatus;
  element_id: string | null;
  label: StatusLabel | string | null;
  changed_at: Date | string;
  final_status: ApplicationStatus | null;
  final_element_id: string | null;
  final_label: StatusLabel | string | null;
  awaiting_reply: AwaitingReply | string | null;
  position: string;
}

interface Event {
  application_id: string;
  status: ApplicationStatus;
  label: string | null;
  at: Date;
  element_id: string | null;
  position: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const json = <T>(value: T | string | null): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const keyOf = (record: StreamRecord) => String(record.value.processInstanceKey);

function stateOf(row: Row): State {
  return {
    applicationId: row.application_id,
    processInstanceKey: String(row.process_instance_key),
    status: row.status,
    elementId: row.element_id,
    label: json(row.label),
    changedAt: new Date(row.changed_at),
    finalStatus: row.final_status,
    finalElementId: row.final_element_id,
    finalLabel: json(row.final_label),
    awaitingReply: json(row.awaiting_reply),
    position: String(row.position),
    dirty: false,
  };
}

/** The applicationId variable created at an instance's root scope: the link from the instance to its application. */
function applicationIdOf(record: StreamRecord): string | undefined {
  if (record.valueType !== 'VARIABLE' || record.intent !== 'CREATED' || record.value.name !== 'applicationId')
    return undefined;
  if (String(record.value.scopeKey) !== keyOf(record)) return undefined;
  try {
    const id: unknown = JSON.parse(String(record.value.value));
    return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The application-status projection: follows each application's process instance through the record stream and
 * keeps `application_status` (the status, its label override, what the process awaits from the citizen) and
 * `application_event` (the citizen's timeline). A milestone element's ELEMENT_ACTIVATED sets the status; an end
 * event's milestone becomes the status when the instance completes (closed when none, or when it is cancelled); a
 * message subscription for one of the service's message forms sets `awaiting_reply` until it is correlated or
 * deleted. Idempotent: a record at or before an application's stored position is skipped, and each event row is
 * unique by (application, position).
 */
export function applicationStatusProjection(services: readonly ServiceDefinition[]): ProjectionHandler {
  const milestones = new Map<string, Map<string, ServiceMilestone>>(
    services.map((s) => [s.processId, new Map((s.milestones ?? []).map((m) => [m.elementId, m]))]),
  );
  const messageForms = new Map<string, Map<string, string>>(
    services.map((s) => [s.processId, new Map((s.messageForms ?? []).map((m) => [m.messageName, m.formId]))]),
  );

  const isRelevant = (r: StreamRecord): boolean => {
    const process = String(r.value.bpmnProcessId);
    if (r.valueType === 'PROCESS_INSTANCE') {
      if (r.value.bpmnElementType === 'PROCESS')
        return r.intent === 'ELEMENT_COMPLETED' || r.intent === 'ELEMENT_TERMINATED';
      return r.intent === 'ELEMENT_ACTIVATED' && (milestones.get(process)?.has(String(r.value.elementId)) ?? false);
    }
    if (r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION')
      return messageForms.get(process)?.has(String(r.value.messageName)) ?? false;
    return false;
  };

  return async (trx: Knex.Transaction, records: readonly StreamRecord[]) => {
    const links = new Map<string, { applicationId: string; record: StreamRecord }>();
    for (const r of records) {
      const applicationId = applicationIdOf(r);
      if (applicationId && !links.has(keyOf(r))) links.set(keyOf(r), { applicationId, record: r });
    }
    const relevant = records.filter(isRelevant);
    if (links.size === 0 && relevant.length === 0) return;

    const keys = [...new Set([...links.keys(), ...relevant.map(keyOf)])];
    const states = new Map<string, State>();
    for (const row of (await trx('application_status').whereIn('process_instance_key', keys).select('*')) as Row[])
      states.set(String(row.process_instance_key), stateOf(row));
    const events: Event[] = [];

    if (links.size > 0) {
      const ids = [...new Set([...links.values()].map((l) => l.applicationId))];
      const applications = (await trx('application')
        .whereIn('id', ids)
        .whereNotExists(trx('application_status as s').whereRaw('s.application_id = application.id'))
        .select('id', 'registered_at')) as { id: string; registered_at: Date | string }[];
      for (const [key, { applicationId, record }] of links) {
        const application = applications.find((a) => a.id === applicationId);
        // The first instance of an application is its own; a second start (never expected) is not followed.
        if (!application || states.has(key) || [...states.values()].some((s) => s.applicationId === applicationId))
          continue;
        const at = new Date(application.registered_at);
        states.set(key, {
          applicationId,
          processInstanceKey: key,
          status: 'submitted',
          elementId: null,
          label: null,
          changedAt: at,
          finalStatus: null,
          finalElementId: null,
          finalLabel: null,
          awaitingReply: null,
          position: record.position,
          dirty: true,
        });
        events.push({
          application_id: applicationId,
          status: 'submitted',
          label: null,
          at,
          element_id: null,
          position: record.position,
        });
      }
    }

    const change = (
      state: State,
      r: StreamRecord,
      status: ApplicationStatus,
      elementId: string | null,
      label: StatusLabel | null,
    ) => {
      if (state.status === status) return;
      const at = new Date(r.timestamp);
      Object.assign(state, { status, elementId, label, changedAt: at });
      events.push({
        application_id: state.applicationId,
        status,
        label: label ? JSON.stringify(label) : null,
        at,
        element_id: elementId,
        position: r.position,
      });
    };

    for (const r of relevant) {
      const state = states.get(keyOf(r));
      if (!state || BigInt(r.position) <= BigInt(state.position)) continue;
      state.position = r.position;
      state.dirty = true;
      const process = String(r.value.bpmnProcessId);
      if (r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION') {
        const messageName = String(r.value.messageName);
        if (r.intent === 'CREATED')
          state.awaitingReply = {
            messageName,
            formId: messageForms.get(process)!.get(messageName)!,
            since: new Date(r.timestamp).toISOString(),
          };
        else if (state.awaitingReply?.messageName === messageName) state.awaitingReply = null;
      } else if (r.value.bpmnElementType === 'PROCESS') {
        state.awaitingReply = null;
        if (r.intent === 'ELEMENT_TERMINATED') change(state, r, 'closed', null, null);
        else change(state, r, state.finalStatus ?? 'closed', state.finalElementId, state.finalLabel);
      } else {
        const milestone = milestones.get(process)!.get(String(r.value.elementId))!;
        if (r.value.bpmnElementType === 'END_EVENT')
          Object.assign(state, {
            finalStatus: milestone.status,
            finalElementId: milestone.elementId,
            finalLabel: milestone.label ?? null,
          });
        else change(state, r, milestone.status, milestone.elementId, milestone.label ?? null);
      }
    }

    for (const state of states.values()) {
      if (!state.dirty) continue;
      await trx('application_status')
        .insert({
          application_id: state.applicationId,
          process_instance_key: state.processInstanceKey,
          status: state.status,
          element_id: state.elementId,
          label: state.label ? JSON.stringify(state.label) : null,
          changed_at: state.changedAt,
          final_status: state.finalStatus,
          final_element_id: state.finalElementId,
          final_label: state.finalLabel ? JSON.stringify(state.finalLabel) : null,
          awaiting_reply: state.awaitingReply ? JSON.stringify(state.awaitingReply) : null,
          position: state.position,
        })
        .onConflict('application_id')
        .merge();
    }
    if (events.length > 0)
      await trx('application_event').insert(events).onConflict(['application_id', 'position']).ignore();
  };
}
