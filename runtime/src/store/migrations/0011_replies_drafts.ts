import type { Migration } from '@polis/engine';

/**
 * Citizens' replies to a service's request for more information (with the outbox that publishes each one to
 * the engine as a message), and the draft of an application a citizen is still filling in.
 */
export const repliesDrafts: Migration = {
  name: '0011_replies_drafts',
  async up(knex) {
    await knex.schema.createTable('application_reply', (t) => {
      t.uuid('id').primary();
      t.uuid('application_id').notNullable().references('id').inTable('application');
      t.text('message_name').notNullable();
      t.text('form_id').notNullable();
      t.integer('form_version').notNullable();
      t.jsonb('data').notNullable();
      t.uuid('citizen_user_id').notNullable().references('id').inTable('app_user');
      t.text('idempotency_key').notNullable();
      t.timestamp('submitted_at', { useTz: true }).notNullable();
      // When the engine accepted the message (null until the outbox has published it).
      t.timestamp('published_at', { useTz: true });
      // A double click or a retried request carries the same key: the second insert conflicts here.
      t.unique(['citizen_user_id', 'idempotency_key']);
      t.index(['application_id', 'submitted_at']);
    });
    await knex.schema.createTable('reply_outbox', (t) => {
      t.bigIncrements('id');
      t.uuid('reply_id').notNullable().unique().references('id').inTable('application_reply');
      t.jsonb('payload').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('available_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.integer('attempts').notNullable().defaultTo(0);
      t.text('last_error');
      t.timestamp('dispatched_at', { useTz: true });
    });
    await knex.raw('create index reply_outbox_pending on reply_outbox (available_at) where dispatched_at is null');
    // The reply an attachment was sent with (its application_id is set too, so staff of the service may read it).
    await knex.schema.alterTable('attachment', (t) => {
      t.uuid('reply_id').references('id').inTable('application_reply').index();
    });
    await knex.schema.createTable('service_draft', (t) => {
      t.uuid('citizen_user_id').notNullable().references('id').inTable('app_user');
      t.text('service_id').notNullable();
      t.text('form_id').notNullable();
      t.integer('form_version').notNullable();
      t.jsonb('data').notNullable();
      t.timestamp('saved_at', { useTz: true }).notNullable();
      t.primary(['citizen_user_id', 'service_id']);
    });
  },
  async down(knex) {
    await knex.schema.dropTableIfExists('service_draft');
    await knex.schema.alterTable('attachment', (t) => t.dropColumn('reply_id'));
    for (const table of ['reply_outbox', 'application_reply']) await knex.schema.dropTableIfExists(table);
  },
};
