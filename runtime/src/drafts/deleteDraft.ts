import type { Knex } from 'knex';

/** Deletes the citizen's draft for a service; answers whether there was one. */
export async function deleteDraft(knex: Knex, citizenUserId: string, serviceId: string): Promise<boolean> {
  const deleted = await knex('service_draft').where({ citizen_user_id: citizenUserId, service_id: serviceId }).delete();
  return deleted > 0;
}
