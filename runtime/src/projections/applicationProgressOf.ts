import type { Knex } from 'knex';
import { applicationStatusLabel, type ApplicationStatus, type StatusLabel } from './ApplicationStatus.js';
import type { AwaitingReply } from './applicationStatusProjection.js';

/** One step of an application's timeline, as the citizen sees it. */
export interface TimelineEntry {
  readonly status: ApplicationStatus;
  readonly statusLabel: StatusLabel;
  readonly at: Date;
}

/** Where an application stands, as the application-status projection keeps it. */
export interface ApplicationProgress {
  readonly status: ApplicationStatus;
  readonly statusLabel: StatusLabel;
  readonly statusChangedAt: Date;
  readonly timeline: readonly TimelineEntry[];
  readonly awaitingReply: AwaitingReply | null;
}

const json = <T>(value: T | string | null): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * The progress of applications by id: their status and timeline from the projection; an application whose
 * process the projection has not seen yet is `submitted` since its registration.
 */
export async function applicationProgressOf(
  knex: Knex | Knex.Transaction,
  applications: readonly { readonly id: string; readonly registeredAt: Date }[],
): Promise<Map<string, ApplicationProgress>> {
  const ids = applications.map((a) => a.id);
  const out = new Map<string, ApplicationProgress>();
  if (ids.length === 0) return out;
  const states = (await knex('application_status')
    .whereIn('application_id', ids)
    .select('application_id', 'status', 'label', 'changed_at', 'awaiting_reply')) as {
    application_id: string;
    status: ApplicationStatus;
    label: StatusLabel | string | null;
    changed_at: Date | string;
    awaiting_reply: AwaitingReply | string | null;
  }[];
  const events = (await knex('application_event')
    .whereIn('application_id', ids)
    .orderBy([{ column: 'at' }, { column: 'position' }])
    .select('application_id', 'status', 'label', 'at')) as {
    application_id: string;
    status: ApplicationStatus;
    label: StatusLabel | string | null;
    at: Date | string;
  }[];
  for (const application of applications) {
    const state = states.find((s) => s.application_id === application.id);
    const timeline = events
      .filter((e) => e.application_id === application.id)
      .map((e) => ({
        status: e.status,
        statusLabel: applicationStatusLabel(e.status, json(e.label)),
        at: new Date(e.at),
      }));
    const submitted = {
      status: 'submitted' as const,
      statusLabel: applicationStatusLabel('submitted'),
      at: application.registeredAt,
    };
    out.set(application.id, {
      status: state?.status ?? 'submitted',
      statusLabel: state ? applicationStatusLabel(state.status, json(state.label)) : submitted.statusLabel,
      statusChangedAt: state ? new Date(state.changed_at) : application.registeredAt,
      timeline: timeline.length > 0 ? timeline : [submitted],
      awaitingReply: state ? json(state.awaiting_reply) : null,
    });
  }
  return out;
}
