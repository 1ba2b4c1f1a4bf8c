import type { Migration } from '@polis/engine';

/**
 * The designer's drafts: one row per process design, its BPMN XML and a revision that every save increments (the
 * optimistic lock two analysts editing one draft meet on); and each deployment made from a design.
 */
export const processDesigns: Migration = {
  name: '0014_process_designs',
  async up(knex) {
    const uuid = knex.raw('gen_random_uuid()');
    await knex.schema.createTable('process_design', (t) => {
      t.uuid('id').primary().defaultTo(uuid);
      t.text('name').notNullable();
      t.text('bpmn_process_id').notNullable();
      t.text('xml').notNullable();
      t.integer('revision').notNullable().checkPositive('process_design_revision_positive');
      // The shipped file a design was imported from (process-definitions/<file>), so that it is imported once.
      t.text('source_file').unique();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.uuid('created_by').references('id').inTable('app_user');
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.uuid('updated_by').references('id').inTable('app_user');
    });
    await knex.schema.createTable('process_design_deployment', (t) => {
      t.uuid('id').primary().defaultTo(uuid);
      t.uuid('design_id').notNullable().references('id').inTable('process_design').onDelete('cascade').index();
      t.integer('design_revision').notNullable();
      t.text('bpmn_process_id').notNullable();
      t.integer('version').notNullable();
      t.text('process_definition_key').notNullable();
      t.uuid('deployed_by').references('id').inTable('app_user');
      t.timestamp('deployed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  },
  async down(knex) {
    await knex.schema.dropTable('process_design_deployment');
    await knex.schema.dropTable('process_design');
  },
};
