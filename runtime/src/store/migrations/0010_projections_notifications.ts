import type { Migration } from '@polis/engine';

const STATUSES = [
  'submitted',
  'in_review',
  'awaiting_citizen',
  'awaiting_opinion',
  'awaiting_payment',
  'approved',
  'issued',
  'rejected',
  'closed',
];

/**
 * Projections of the engine's record stream (each with its checkpoint), the application status they keep (the
 * citizen's status and timeline), in-app notifications, and the task columns that make reminders and escalations
 * happen once.
 */
export const projectionsNotifications: Migration = {
  name: '0010_projections_notifications',
  async up(knex) {
    const uuid = knex.raw('gen_random_uuid()');
    // The last record position each projection applied, advanced in the transaction that applies the batch.
    await knex.schema.createTable('projection_checkpoint', (t) => {
      t.text('name').primary();
      t.bigInteger('position').notNullable().defaultTo(0);
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    // One row per application whose process has started: where it stands, as the citizen is told.
    await knex.schema.createTable('application_status', (t) => {
      t.uuid('application_id').primary().references('id').inTable('application');
      t.bigInteger('process_instance_key').notNullable().unique();
      t.text('status').notNullable().checkIn(STATUSES, 'application_status_status');
      // The milestone element that set the status, and its label override ({el, en}) if the service has one.
      t.text('element_id');
      t.jsonb('label');
      t.timestamp('changed_at', { useTz: true }).notNullable();
      // The milestone of an end event reached, applied when the instance completes.
      t.text('final_status').checkIn(STATUSES, 'application_status_final_status');
      t.text('final_element_id');
      t.jsonb('final_label');
      // { messageName, formId, since } while the process waits for the citizen's answer.
      t.jsonb('awaiting_reply');
      // The last record applied: a record at or before it is never applied twice.
      t.bigInteger('position').notNullable();
    });
    await knex.schema.createTable('application_event', (t) => {
      t.bigIncrements('id');
      t.uuid('application_id').notNullable().references('id').inTable('application');
      t.text('status').notNullable().checkIn(STATUSES, 'application_event_status');
      t.jsonb('label');
      t.timestamp('at', { useTz: true }).notNullable();
      t.text('element_id');
      t.bigInteger('position').notNullable();
      t.unique(['application_id', 'position']);
      t.index(['application_id', 'at']);
    });
    await knex.schema.createTable('notification', (t) => {
      t.uuid('id').primary().defaultTo(uuid);
      t.uuid('recipient_user_id').notNullable().references('id').inTable('app_user');
      t.uuid('application_id').references('id').inTable('application').index();
      t.uuid('task_id').references('id').inTable('task').index();
      t.text('template').notNullable();
      t.jsonb('params').notNullable().defaultTo('{}');
      // What caused it (a job key, a task reminder): the same cause never notifies the same person twice.
      t.text('source_key');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('read_at', { useTz: true });
      t.unique(['recipient_user_id', 'source_key']);
    });
    await knex.raw('create index notification_by_recipient on notification (recipient_user_id, created_at desc, id)');
    await knex.raw(
      'create index notification_unread on notification (recipient_user_id, created_at desc) where read_at is null',
    );
    await knex.schema.alterTable('task', (t) => {
      t.timestamp('reminded_at', { useTz: true });
      t.timestamp('escalated_at', { useTz: true });
    });
    // The sweeper's two questions: which open tasks fall due soon, and which are overdue.
    await knex.raw(
      "create index task_due_open on task (due_date) where status in ('open', 'claimed') and due_date is not null",
    );
  },
  async down(knex) {
    await knex.raw('drop index if exists task_due_open');
    await knex.schema.alterTable('task', (t) => {
      t.dropColumn('reminded_at');
      t.dropColumn('escalated_at');
    });
    for (const table of ['notification', 'application_event', 'application_status', 'projection_checkpoint'])
      await knex.schema.dropTableIfExists(table);
  },
};
