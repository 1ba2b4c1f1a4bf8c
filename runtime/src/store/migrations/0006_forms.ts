import type { Migration } from '@polis/engine';

/**
 * The form library: every version of every Form.io form, immutable once written (a trigger refuses updates), so a
 * submission can always be validated against the exact version it was made with.
 */
export const forms: Migration = {
  name: '0006_forms',
  async up(knex) {
    await knex.schema.createTable('form_version', (t) => {
      t.text('form_id').notNullable().checkRegex('^[a-z0-9][a-z0-9-]{0,99}$', 'form_version_form_id_format');
      t.integer('version').notNullable().checkPositive('form_version_version_positive');
      t.text('title_el').notNullable();
      t.text('title_en').notNullable();
      t.jsonb('definition').notNullable();
      t.text('checksum').notNullable().checkRegex('^[0-9a-f]{64}$', 'form_version_checksum_format');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.uuid('created_by').references('id').inTable('app_user');
      t.primary(['form_id', 'version']);
    });
    await knex.raw(`
      create function form_version_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'form_version rows are immutable: save a new version instead';
      end $$`);
    await knex.raw(
      'create trigger form_version_no_update before update on form_version ' +
        'for each row execute function form_version_immutable()',
    );
  },
  async down(knex) {
    await knex.schema.dropTable('form_version');
    await knex.raw('drop function form_version_immutable()');
  },
};
