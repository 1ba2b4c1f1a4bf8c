import type { Migration } from '@polis/engine';

/** Failed sign-in attempts, shared by every runtime process so that rate limits hold across them. */
export const loginAttempts: Migration = {
  name: '0003_login_attempts',
  async up(knex) {
    await knex.schema.createTable('login_attempt', (t) => {
      t.bigIncrements('id');
      t.text('scope').notNullable().checkIn(['username', 'ip'], 'login_attempt_scope');
      t.text('key').notNullable();
      t.timestamp('at', { useTz: true }).notNullable();
      t.index(['scope', 'key', 'at']);
    });
  },
  async down(knex) {
    await knex.schema.dropTable('login_attempt');
  },
};
