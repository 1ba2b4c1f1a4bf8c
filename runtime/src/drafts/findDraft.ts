import type { Knex } from 'knex';
import type { Draft } from './Draft.js';

/** The citizen's draft for a service, or undefined when they have none. */
export async function findDraft(knex: Knex, citizenUserId: string, serviceId: string): Promise<Draft | undefined> {
  const row = (await knex('service_draft')
    .where({ citizen_user_id: citizenUserId, service_id: serviceId })
    .first('service_id', 'form_id', 'form_version', 'data', 'saved_at')) as
    | {
        service_id: string;
        form_id: string;
        form_version: number;
        data: Record<string, unknown> | string;
        saved_at: Date | string;
      }
    | undefined;
  if (!row) return undefined;
  return {
    serviceId: row.service_id,
    formId: row.form_id,
    formVersion: row.form_version,
    data: typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
    savedAt: new Date(row.saved_at),
  };
}
