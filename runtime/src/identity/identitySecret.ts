import type { Knex } from 'knex';

/**
 * Returns the secret stored under a name, creating it with `generate` the first time; when two processes
 * race, the first insert wins and both return its value.
 */
export async function identitySecret<T>(knex: Knex, name: string, generate: () => T): Promise<T> {
  const existing = (await knex('identity_secret').where({ name }).first('value')) as { value: T } | undefined;
  if (existing) return existing.value;
  await knex('identity_secret')
    .insert({ name, value: JSON.stringify(generate()) })
    .onConflict('name')
    .ignore();
  const stored = (await knex('identity_secret').where({ name }).first('value')) as { value: T };
  return stored.value;
}
