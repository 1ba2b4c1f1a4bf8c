import type { Knex } from 'knex';
import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';

/**
 * The application a task serves, as the clerk needs it beside the form. Every text in it was typed by a citizen:
 * it is plain text, to be shown as text.
 */
export interface ApplicationSummary {
  readonly id: string;
  readonly protocolNumber: string;
  readonly serviceId: string;
  readonly serviceTitleEl: string | null;
  readonly serviceTitleEn: string | null;
  readonly citizenName: string;
  readonly submittedAt: Date;
  readonly status: string;
  readonly data: Readonly<Record<string, unknown>>;
}

type SummaryRow = {
  id: string;
  protocol_number: string;
  service_id: string;
  registered_at: Date | string;
  status: string;
  data: Record<string, unknown> | string;
  display_name_el: string | null;
  username: string | null;
};

/** The summary of an application by id, or null when there is none (the process was not started by one). */
export async function applicationSummary(
  knex: Knex,
  services: readonly ServiceDefinition[],
  applicationId: string | null,
): Promise<ApplicationSummary | null> {
  if (applicationId === null) return null;
  const row = (await knex('application as a')
    .leftJoin('app_user as u', 'u.id', 'a.citizen_user_id')
    .where('a.id', applicationId)
    .first(
      'a.id',
      'a.protocol_number',
      'a.service_id',
      'a.registered_at',
      'a.status',
      'a.data',
      'u.display_name_el',
      'u.username',
    )) as SummaryRow | undefined;
  if (!row) return null;
  const service = services.find((s) => s.processId === row.service_id);
  return {
    id: row.id,
    protocolNumber: row.protocol_number,
    serviceId: row.service_id,
    serviceTitleEl: service?.title.el ?? null,
    serviceTitleEn: service?.title.en ?? null,
    citizenName: row.display_name_el ?? row.username ?? '',
    submittedAt: new Date(row.registered_at),
    status: row.status,
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>,
  };
}
