import type { Migration } from '@polis/engine';

const TASK_STATUSES = ['open', 'claimed', 'completed', 'cancelled'];

/**
 * The clerks' tasks: one row per user task element instance, kept by the user-task worker from the engine's
 * `io.camunda.zeebe:userTask` jobs; who may see a task (task_candidate, denormalized for the inbox query); the
 * lease of each held job; and the lock that lets exactly one of two simultaneous completions through.
 */
export const tasks: Migration = {
  name: '0008_tasks',
  async up(knex) {
    const uuid = knex.raw('gen_random_uuid()');
    await knex.schema.createTable('task', (t) => {
      t.uuid('id').primary().defaultTo(uuid);
      // A job that times out and is activated again keeps its element instance: the same task, never a second.
      t.bigInteger('element_instance_key').notNullable().unique();
      t.bigInteger('job_key').notNullable().unique();
      t.bigInteger('process_instance_key').notNullable().index();
      t.text('process_id').notNullable();
      t.integer('process_version').notNullable();
      t.text('element_id').notNullable();
      t.text('element_name');
      t.text('form_id');
      t.integer('form_version');
      t.specificType('candidate_groups', 'text[]').notNullable();
      t.specificType('candidate_users', 'text[]').notNullable();
      t.uuid('assignee_user_id').references('id').inTable('app_user');
      t.timestamp('due_date', { useTz: true });
      // The inbox sorts on a value that is never null: tasks without a due date come last.
      t.timestamp('due_sort', { useTz: true }).notNullable();
      t.timestamp('follow_up_date', { useTz: true });
      t.integer('priority');
      t.jsonb('variables').notNullable();
      t.uuid('application_id');
      t.text('protocol_number');
      t.text('citizen_name');
      t.text('status').notNullable().checkIn(TASK_STATUSES, 'task_status');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('claimed_at', { useTz: true });
      t.timestamp('completed_at', { useTz: true });
      t.uuid('completed_by').references('id').inTable('app_user');
      t.timestamp('cancelled_at', { useTz: true });
    });
    await knex.raw('create index task_assignee on task (assignee_user_id, status, due_sort, id)');
    await knex.raw('create index task_by_status_due on task (status, due_sort, id)');
    await knex.raw('create index task_by_status_created on task (status, created_at, id)');
    await knex.raw('create index task_protocol_number on task (protocol_number) where protocol_number is not null');
    // `group:<code>` and `user:<username>` for each candidate: the inbox walks this index per key the clerk reaches,
    // 50 rows each, instead of sorting every task of their units.
    await knex.schema.createTable('task_candidate', (t) => {
      t.uuid('task_id').notNullable().references('id').inTable('task').onDelete('cascade');
      t.text('candidate').notNullable();
      // 'active' for open and claimed tasks (one index range for the inbox), else the task's status.
      t.text('status').notNullable();
      t.timestamp('due_sort', { useTz: true }).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.primary(['task_id', 'candidate']);
    });
    await knex.raw('create index task_candidate_by_due on task_candidate (candidate, status, due_sort, task_id)');
    await knex.raw('create index task_candidate_by_created on task_candidate (candidate, status, created_at, task_id)');
    await knex.schema.createTable('task_lease', (t) => {
      t.uuid('task_id').primary().references('id').inTable('task').onDelete('cascade');
      t.bigInteger('job_key').notNullable();
      t.timestamp('expires_at', { useTz: true }).notNullable().index();
    });
    await knex.schema.createTable('task_completion', (t) => {
      t.uuid('task_id').primary().references('id').inTable('task').onDelete('cascade');
      t.uuid('user_id').notNullable().references('id').inTable('app_user');
      t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  },
  async down(knex) {
    for (const table of ['task_completion', 'task_lease', 'task_candidate', 'task'])
      await knex.schema.dropTableIfExists(table);
  },
};
