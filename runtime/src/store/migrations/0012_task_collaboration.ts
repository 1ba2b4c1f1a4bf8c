import type { Migration } from '@polis/engine';

/**
 * What clerks add to a task: comments and linked attachments (both kept with the application and its process
 * instance, so that the next task of the same case shows them), the assignee's unsent draft of the completion
 * form, and each person's saved inbox filters.
 */
export const taskCollaboration: Migration = {
  name: '0012_task_collaboration',
  async up(knex) {
    const uuid = knex.raw('gen_random_uuid()');
    await knex.schema.createTable('task_comment', (t) => {
      t.uuid('id').primary().defaultTo(uuid);
      t.uuid('task_id').notNullable().references('id').inTable('task');
      // As on task: the application the process variables name, not a foreign key (a process may name one
      // registered elsewhere).
      t.uuid('application_id');
      t.bigInteger('process_instance_key').notNullable();
      t.uuid('author_user_id').notNullable().references('id').inTable('app_user');
      // The text as typed: shown as text, never as HTML.
      t.text('text').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.index(['application_id', 'created_at']);
      t.index(['process_instance_key', 'created_at']);
    });
    await knex.schema.createTable('task_attachment', (t) => {
      t.uuid('task_id').notNullable().references('id').inTable('task');
      t.uuid('attachment_id').notNullable().references('id').inTable('attachment').index();
      t.uuid('application_id').index();
      t.bigInteger('process_instance_key').notNullable().index();
      t.uuid('linked_by').notNullable().references('id').inTable('app_user');
      t.timestamp('linked_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['task_id', 'attachment_id']);
    });
    await knex.schema.createTable('task_draft', (t) => {
      t.uuid('task_id').notNullable().references('id').inTable('task').onDelete('cascade');
      t.uuid('user_id').notNullable().references('id').inTable('app_user');
      t.jsonb('data').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['task_id', 'user_id']);
    });
    await knex.schema.createTable('task_filter', (t) => {
      t.uuid('id').primary().defaultTo(uuid);
      t.uuid('user_id').notNullable().references('id').inTable('app_user');
      t.text('name').notNullable();
      t.jsonb('query').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.unique(['user_id', 'name']);
    });
  },
  async down(knex) {
    for (const table of ['task_filter', 'task_draft', 'task_attachment', 'task_comment'])
      await knex.schema.dropTableIfExists(table);
  },
};
