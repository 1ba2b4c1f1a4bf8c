import type { Migration } from '../Migration.js';

/** The engine's state tables and its record log. */
export const engineState: Migration = {
  name: '0001_engine_state',
  async up(knex) {
    await knex.raw('create sequence engine_key_seq increment by 1000 minvalue 1 start with 1');
    await knex.schema.createTable('engine_process_definition', (t) => {
      t.bigInteger('key').primary();
      t.text('bpmn_process_id').notNullable();
      t.integer('version').notNullable();
      t.text('resource_name').notNullable();
      t.text('checksum').notNullable();
      t.text('resource').notNullable();
      t.bigInteger('deployment_key').notNullable();
      t.bigInteger('deployed_at').notNullable();
      t.unique(['bpmn_process_id', 'version']);
    });
    // Instance documents and record values are json, not jsonb: written far more often than queried.
    await knex.schema.createTable('engine_process_instance', (t) => {
      t.bigInteger('key').primary();
      t.text('bpmn_process_id').notNullable();
      t.bigInteger('process_definition_key').notNullable();
      t.json('data').notNullable();
    });
    await knex.schema.createTable('engine_job', (t) => {
      t.bigInteger('key').primary();
      t.text('type').notNullable();
      t.text('state').notNullable();
      t.bigInteger('process_instance_key').notNullable();
      t.bigInteger('element_instance_key').notNullable();
      t.integer('retries').notNullable();
      t.bigInteger('deadline');
      t.bigInteger('recurring_at');
      t.jsonb('data').notNullable();
    });
    await knex.raw(
      "create index engine_job_activatable on engine_job (type, key) where state in ('ACTIVATABLE', 'ACTIVATED')",
    );
    await knex.raw("create index engine_job_deadline on engine_job (deadline) where state = 'ACTIVATED'");
    await knex.raw("create index engine_job_recurring on engine_job (recurring_at) where state = 'FAILED'");
    await knex.schema.createTable('engine_timer', (t) => {
      t.bigInteger('key').primary();
      t.bigInteger('due_date').notNullable().index();
      t.bigInteger('process_instance_key');
      t.bigInteger('process_definition_key').notNullable();
      t.jsonb('data').notNullable();
    });
    await knex.schema.createTable('engine_message_subscription', (t) => {
      t.bigInteger('key').primary();
      t.text('message_name').notNullable();
      t.text('correlation_key').notNullable();
      t.bigInteger('process_instance_key').notNullable();
      t.text('bpmn_process_id').notNullable();
      t.jsonb('data').notNullable();
      t.index(['message_name', 'correlation_key']);
    });
    await knex.schema.createTable('engine_message_start_subscription', (t) => {
      t.bigInteger('key').primary();
      t.text('message_name').notNullable().index();
      t.text('bpmn_process_id').notNullable();
      t.bigInteger('process_definition_key').notNullable();
      t.jsonb('data').notNullable();
    });
    await knex.schema.createTable('engine_signal_subscription', (t) => {
      t.bigInteger('key').primary();
      t.text('signal_name').notNullable().index();
      t.bigInteger('process_instance_key');
      t.bigInteger('process_definition_key').notNullable();
      t.jsonb('data').notNullable();
    });
    await knex.schema.createTable('engine_message', (t) => {
      t.bigInteger('key').primary();
      t.text('name').notNullable();
      t.text('correlation_key').notNullable();
      t.text('message_id');
      t.bigInteger('deadline').notNullable().index();
      t.jsonb('data').notNullable();
      t.index(['name', 'correlation_key']);
    });
    await knex.raw(
      'create unique index engine_message_id on engine_message (name, correlation_key, message_id) where message_id is not null',
    );
    await knex.schema.createTable('engine_message_correlation', (t) => {
      t.bigInteger('message_key').notNullable();
      t.text('bpmn_process_id').notNullable();
      t.primary(['message_key', 'bpmn_process_id']);
    });
    await knex.schema.createTable('engine_message_start_lock', (t) => {
      t.text('bpmn_process_id').notNullable();
      t.text('correlation_key').notNullable();
      t.bigInteger('process_instance_key').notNullable();
      t.primary(['bpmn_process_id', 'correlation_key']);
    });
    await knex.schema.createTable('engine_incident', (t) => {
      t.bigInteger('key').primary();
      t.bigInteger('process_instance_key').notNullable().index();
      t.bigInteger('job_key');
      t.jsonb('data').notNullable();
    });
    await knex.schema.createTable('engine_record', (t) => {
      t.bigIncrements('position').primary();
      t.bigInteger('key').notNullable();
      t.bigInteger('timestamp').notNullable();
      t.text('record_type').notNullable();
      t.text('value_type').notNullable();
      t.text('intent').notNullable();
      t.bigInteger('process_instance_key');
      t.json('value').notNullable();
      t.index(['process_instance_key']);
    });
  },
  async down(knex) {
    for (const table of [
      'engine_record',
      'engine_incident',
      'engine_message_start_lock',
      'engine_message_correlation',
      'engine_message',
      'engine_signal_subscription',
      'engine_message_start_subscription',
      'engine_message_subscription',
      'engine_timer',
      'engine_job',
      'engine_process_instance',
      'engine_process_definition',
    ]) {
      await knex.schema.dropTableIfExists(table);
    }
    await knex.raw('drop sequence if exists engine_key_seq');
  },
};
