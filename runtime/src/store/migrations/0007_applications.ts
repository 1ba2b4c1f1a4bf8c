import type { Migration } from '@polis/engine';

/**
 * Citizens' applications with their protocol numbers (a gap-free counter per year), the outbox that starts
 * their processes, and uploaded attachments (metadata here; the bytes in the attachment store).
 */
export const applications: Migration = {
  name: '0007_applications',
  async up(knex) {
    const uuid = knex.raw('gen_random_uuid()');
    // One row per year, locked by each batch of submissions (protocolRegistrar) until it commits: gap-free.
    await knex.schema.createTable('protocol_counter', (t) => {
      t.integer('year').primary();
      t.integer('last_sequence').notNullable();
    });
    await knex.schema.createTable('application', (t) => {
      t.uuid('id').primary();
      t.text('service_id').notNullable();
      t.text('process_id').notNullable();
      t.text('form_id').notNullable();
      t.integer('form_version').notNullable();
      t.jsonb('data').notNullable();
      t.uuid('citizen_user_id').notNullable().references('id').inTable('app_user');
      // The unit that owns the service when the application was registered: whose staff may read it.
      t.uuid('owner_unit_id').references('id').inTable('org_unit').index();
      t.text('idempotency_key').notNullable();
      t.integer('protocol_year').notNullable();
      t.integer('protocol_sequence').notNullable();
      t.text('protocol_number').notNullable().unique();
      t.timestamp('registered_at', { useTz: true }).notNullable();
      t.date('due_date').notNullable();
      t.text('status').notNullable().checkIn(['submitted', 'in_progress'], 'application_status');
      t.bigInteger('process_instance_key');
      t.unique(['protocol_year', 'protocol_sequence']);
      // A double click or a retried request carries the same key: the second insert conflicts here.
      t.unique(['citizen_user_id', 'idempotency_key']);
      t.index(['citizen_user_id', 'registered_at']);
    });
    await knex.schema.createTable('application_outbox', (t) => {
      t.bigIncrements('id');
      t.uuid('application_id').notNullable().references('id').inTable('application');
      t.text('kind').notNullable().checkIn(['start_process'], 'application_outbox_kind');
      t.jsonb('payload').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      // When the row may next be claimed: now for a new row, later for a back-off or a claim's lease.
      t.timestamp('available_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.integer('attempts').notNullable().defaultTo(0);
      t.text('last_error');
      t.timestamp('dispatched_at', { useTz: true });
      t.unique(['application_id', 'kind']);
    });
    await knex.raw(
      'create index application_outbox_pending on application_outbox (available_at) where dispatched_at is null',
    );
    await knex.schema.createTable('attachment', (t) => {
      t.uuid('id').primary().defaultTo(uuid);
      t.text('sha256').notNullable().index();
      t.bigInteger('size').notNullable();
      t.text('media_type').notNullable();
      t.text('original_name').notNullable();
      t.uuid('uploaded_by').notNullable().references('id').inTable('app_user').index();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.uuid('application_id').references('id').inTable('application').index();
    });
  },
  async down(knex) {
    for (const table of ['attachment', 'application_outbox', 'application', 'protocol_counter'])
      await knex.schema.dropTableIfExists(table);
  },
};
