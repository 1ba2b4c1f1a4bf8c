import type { Migration } from '@polis/engine';

/**
 * The embedded provider's state: second-factor enrolments, oidc-provider's payloads (grants, sessions, codes,
 * interactions) so that they survive restarts and are shared by every runtime process, and the third-party
 * systems registered for the client-credentials grant.
 */
export const identityProviderState: Migration = {
  name: '0004_identity_provider_state',
  async up(knex) {
    await knex.schema.createTable('user_totp', (t) => {
      t.uuid('user_id').primary().references('id').inTable('app_user').onDelete('cascade');
      // Base32; the HMAC needs the secret itself, so it cannot be stored hashed.
      t.text('secret').notNullable();
      // Null while an enrolment started from /auth/totp waits for its first code.
      t.timestamp('confirmed_at', { useTz: true });
      // The time step of the last accepted code: that code and earlier ones are refused (no replay).
      t.bigInteger('last_used_step');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.schema.createTable('oidc_payload', (t) => {
      t.text('model').notNullable();
      t.text('id').notNullable();
      t.jsonb('payload').notNullable();
      t.text('grant_id');
      t.text('user_code');
      t.text('uid');
      t.timestamp('expires_at', { useTz: true });
      t.timestamp('consumed_at', { useTz: true });
      t.primary(['model', 'id']);
      t.index(['grant_id']);
      t.index(['model', 'uid']);
      t.index(['model', 'user_code']);
      t.index(['expires_at']);
    });
    await knex.schema.createTable('api_client', (t) => {
      t.text('client_id').primary();
      t.text('name').notNullable();
      // sha256$<hex> of a 256-bit random secret; the secret itself is shown once, at registration.
      t.text('client_secret_hash').notNullable();
      t.jsonb('scopes').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('revoked_at', { useTz: true });
    });
  },
  async down(knex) {
    await knex.schema.dropTable('api_client');
    await knex.schema.dropTable('oidc_payload');
    await knex.schema.dropTable('user_totp');
  },
};
