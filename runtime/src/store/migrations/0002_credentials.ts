import type { Migration } from '@polis/engine';

/** Password hashes of the embedded provider's accounts, sign-on sessions, and the identity's persisted secrets. */
export const credentials: Migration = {
  name: '0002_credentials',
  async up(knex) {
    await knex.schema.createTable('user_credential', (t) => {
      t.uuid('user_id').primary().references('id').inTable('app_user').onDelete('cascade');
      // scrypt$N$r$p$salt$hash, salt and hash in base64url.
      t.text('password_hash').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.schema.createTable('session', (t) => {
      // The SHA-256 of the 256-bit cookie value: a copy of this table cannot be replayed as cookies.
      t.text('id').primary();
      t.uuid('user_id').notNullable().references('id').inTable('app_user').onDelete('cascade').index();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('expires_at', { useTz: true }).notNullable().index();
      t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    // Signing keys and cookie secrets generated once, so tokens and cookies survive restarts.
    await knex.schema.createTable('identity_secret', (t) => {
      t.text('name').primary();
      t.jsonb('value').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  },
  async down(knex) {
    await knex.schema.dropTable('identity_secret');
    await knex.schema.dropTable('session');
    await knex.schema.dropTable('user_credential');
  },
};
