import type { Migration } from '@polis/engine';

/**
 * Official documents issued as PDF (receipts, outcome documents, outgoing letters), with their bytes in the
 * attachment store and a public verification code; the outgoing protocol counter; and the requests sent to
 * other authorities (the police opinion) with the answers recorded for them.
 */
export const documents: Migration = {
  name: '0009_documents',
  async up(knex) {
    const uuid = knex.raw('gen_random_uuid()');
    // One row per year for outgoing numbers (ΕΞ-2026/000001), locked by the transaction that issues a document.
    await knex.schema.createTable('document_counter', (t) => {
      t.integer('year').primary();
      t.integer('last_sequence').notNullable();
    });
    await knex.schema.createTable('document', (t) => {
      t.uuid('id').primary().defaultTo(uuid);
      t.uuid('application_id').notNullable().references('id').inTable('application').index();
      t.text('kind').notNullable().checkIn(['receipt', 'outcome', 'outgoing'], 'document_kind');
      t.text('template').notNullable();
      t.text('title_el').notNullable();
      t.text('title_en').notNullable();
      // The number printed on the document: the application's for a receipt, an outgoing number otherwise.
      t.text('document_number').notNullable();
      // A retried or re-activated job carries the same element instance: it finds this row, never issues twice.
      t.bigInteger('element_instance_key').unique();
      t.bigInteger('issued_by_job');
      t.bigInteger('process_instance_key');
      t.text('sha256').notNullable();
      t.bigInteger('size').notNullable();
      t.text('media_type').notNullable();
      t.text('file_name').notNullable();
      t.text('verification_code').notNullable().unique();
      t.timestamp('issued_at', { useTz: true }).notNullable();
    });
    // One receipt per application, however many times it is downloaded first at the same moment.
    await knex.raw("create unique index document_one_receipt on document (application_id) where kind = 'receipt'");
    await knex.raw(
      "create unique index document_outgoing_number on document (document_number) where kind <> 'receipt'",
    );
    await knex.schema.createTable('external_request', (t) => {
      t.uuid('id').primary().defaultTo(uuid);
      t.uuid('application_id').notNullable().references('id').inTable('application').index();
      t.text('recipient').notNullable().checkIn(['police'], 'external_request_recipient');
      t.text('message_name').notNullable();
      t.text('correlation_key').notNullable();
      t.uuid('document_id').notNullable().references('id').inTable('document');
      t.bigInteger('element_instance_key').unique();
      t.bigInteger('process_instance_key');
      t.timestamp('sent_at', { useTz: true }).notNullable();
      t.timestamp('answered_at', { useTz: true });
      t.jsonb('answer');
      t.uuid('answered_by').references('id').inTable('app_user');
      t.text('answered_by_client');
    });
    await knex.raw('create index external_request_open on external_request (sent_at) where answered_at is null');
  },
  async down(knex) {
    for (const table of ['external_request', 'document', 'document_counter'])
      await knex.schema.dropTableIfExists(table);
  },
};
