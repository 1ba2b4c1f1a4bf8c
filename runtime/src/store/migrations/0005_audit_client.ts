import type { Migration } from '@polis/engine';

/**
 * Audit entries name the third-party system (OAuth client) that made a change through the API, and the
 * database transaction they were written in, which groups the entries of one command and lets a check prove
 * that every change to an audited table came with its entry.
 */
export const auditClient: Migration = {
  name: '0005_audit_client',
  async up(knex) {
    await knex.schema.alterTable('audit_entry', (t) => {
      t.text('actor_client_id');
      t.bigInteger('txid').notNullable().defaultTo(knex.raw('txid_current()'));
    });
  },
  async down(knex) {
    await knex.schema.alterTable('audit_entry', (t) => {
      t.dropColumn('actor_client_id');
      t.dropColumn('txid');
    });
  },
};
