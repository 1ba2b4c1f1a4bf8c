import type { Migration } from '@polis/engine';

const UNIT_KINDS = ['municipality', 'general_directorate', 'directorate', 'department', 'office', 'autonomous'];
const ROLES = ['admin', 'analyst', 'clerk', 'head_of_unit', 'manager', 'operator', 'citizen'];
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** The org chart (units, users, memberships, roles, deputies) and the append-only audit trail. */
export const orgChart: Migration = {
  name: '0001_org_chart',
  async up(knex) {
    const uuid = knex.raw('gen_random_uuid()');
    await knex.schema.createTable('app_user', (t) => {
      t.uuid('id').primary().defaultTo(uuid);
      t.text('username').notNullable().unique();
      t.text('display_name_el').notNullable();
      t.text('display_name_en').notNullable();
      t.text('email');
      t.text('kind').notNullable().checkIn(['staff', 'citizen'], 'app_user_kind');
      // ΑΦΜ, 9 digits; the checksum is verified by the commands, the shape here.
      t.text('tax_id').checkRegex('^[0-9]{9}$', 'app_user_tax_id_format');
      t.boolean('active').notNullable().defaultTo(true);
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw('create unique index app_user_tax_id on app_user (tax_id) where tax_id is not null');
    await knex.schema.createTable('org_unit', (t) => {
      t.uuid('id').primary().defaultTo(uuid);
      t.text('code').notNullable().unique();
      t.text('name_el').notNullable();
      t.text('name_en').notNullable();
      t.text('kind').notNullable().checkIn(UNIT_KINDS, 'org_unit_kind');
      t.uuid('parent_id').references('id').inTable('org_unit').index();
      t.uuid('head_user_id').references('id').inTable('app_user').index();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.schema.createTable('membership', (t) => {
      t.uuid('user_id').notNullable().references('id').inTable('app_user');
      t.uuid('org_unit_id').notNullable().references('id').inTable('org_unit').index();
      t.text('position').notNullable();
      t.boolean('primary').notNullable().defaultTo(false);
      t.primary(['user_id', 'org_unit_id']);
    });
    await knex.raw('create unique index membership_one_primary on membership (user_id) where "primary"');
    await knex.schema.createTable('user_role', (t) => {
      t.bigIncrements('id');
      t.uuid('user_id').notNullable().references('id').inTable('app_user');
      t.text('role').notNullable();
      t.uuid('org_unit_id').references('id').inTable('org_unit').index();
    });
    await knex.raw(`alter table user_role add constraint user_role_role check (role in (${list(ROLES)}))`);
    // A role without a unit scope is distinct from the same role scoped: coalesce makes the null comparable.
    await knex.raw(
      "create unique index user_role_unique on user_role (user_id, role, coalesce(org_unit_id::text, ''))",
    );
    await knex.schema.createTable('deputy', (t) => {
      t.bigIncrements('id');
      t.uuid('absent_user_id').notNullable().references('id').inTable('app_user');
      t.uuid('deputy_user_id').notNullable().references('id').inTable('app_user').index();
      t.date('from_date').notNullable();
      t.date('to_date').notNullable();
      t.text('reason').notNullable();
      t.index(['absent_user_id', 'from_date']);
    });
    // Overlaps are refused by setDeputy: an exclusion constraint would need btree_gist, absent from PGlite.
    await knex.raw(
      'alter table deputy add constraint deputy_dates check (from_date <= to_date), ' +
        'add constraint deputy_not_self check (absent_user_id <> deputy_user_id)',
    );
    await knex.schema.createTable('audit_entry', (t) => {
      t.bigIncrements('id');
      t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.uuid('actor_user_id');
      t.uuid('acting_for_user_id');
      t.text('action').notNullable();
      t.text('object_type').notNullable();
      t.text('object_id').notNullable();
      t.jsonb('details').notNullable().defaultTo('{}');
      t.text('source_ip');
      t.index(['object_type', 'object_id']);
      t.index(['actor_user_id', 'at']);
      t.index(['at']);
    });
    await knex.raw(`
      create function audit_entry_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entry is append-only: % is not allowed', tg_op using errcode = 'P0001';
      end $$`);
    await knex.raw(
      'create trigger audit_entry_no_change before update or delete on audit_entry ' +
        'for each row execute function audit_entry_append_only()',
    );
    await knex.raw(
      'create trigger audit_entry_no_truncate before truncate on audit_entry ' +
        'for each statement execute function audit_entry_append_only()',
    );
  },
  async down(knex) {
    await knex.schema.dropTable('audit_entry');
    await knex.raw('drop function audit_entry_append_only()');
    await knex.schema.dropTable('deputy');
    await knex.schema.dropTable('user_role');
    await knex.schema.dropTable('membership');
    await knex.schema.dropTable('org_unit');
    await knex.schema.dropTable('app_user');
  },
};
