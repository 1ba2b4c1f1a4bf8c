import type { Knex } from 'knex';
import { AUDITED_TABLES } from './auditedTables.js';

/** A change to an audited table that no audit entry of its transaction accounts for. */
export interface UnauditedChange {
  readonly table: string;
  readonly operation: string;
  readonly txid: string;
}

/**
 * Test support: records every insert, update and delete on the audited tables with its transaction id, so that
 * {@link unauditedChanges} can compare them with the audit trail. Installed in test databases only.
 */
export async function installChangeLog(knex: Knex): Promise<void> {
  await knex.raw(`
    create table if not exists test_change_log (
      id bigserial primary key,
      table_name text not null,
      operation text not null,
      txid bigint not null default txid_current()
    )`);
  await knex.raw(`
    create or replace function test_log_change() returns trigger language plpgsql as $$
    begin
      insert into test_change_log (table_name, operation) values (tg_table_name, tg_op);
      return null;
    end $$`);
  for (const table of AUDITED_TABLES)
    await knex.raw(
      `create or replace trigger test_change_log_${table} after insert or update or delete on ${table} ` +
        'for each row execute function test_log_change()',
    );
}

/** The changes recorded by {@link installChangeLog} whose transaction wrote no audit entry. */
export async function unauditedChanges(knex: Knex): Promise<UnauditedChange[]> {
  const rows = (await knex.raw(`
    select distinct c.table_name, c.operation, c.txid::text as txid from test_change_log c
    where not exists (select 1 from audit_entry a where a.txid = c.txid)
    order by txid`)) as { rows: { table_name: string; operation: string; txid: string }[] };
  return rows.rows.map((r) => ({ table: r.table_name, operation: r.operation, txid: r.txid }));
}
