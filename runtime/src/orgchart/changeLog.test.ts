import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@polis/engine';
import { AUDITED_TABLES, UNAUDITED_TABLES } from './auditedTables.js';
import { createOrgUnit } from './createOrgUnit.js';
import { systemActor } from './Actor.js';
import { unauditedChanges } from './changeLog.js';
import { openAuditedTestDatabase } from './useOrgChartDatabase.js';

describe('the audit completeness check', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openAuditedTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('should accept changes made by commands, each with its audit entry in the same transaction', async () => {
    // given a unit created through its command
    const created = await createOrgUnit(db.knex, systemActor, {
      code: 'T1',
      nameEl: 'Τμήμα',
      nameEn: 'Department',
      kind: 'department',
      parentId: null,
    });
    expect(created.ok).toBe(true);
    // then nothing is unaccounted for
    expect(await unauditedChanges(db.knex)).toEqual([]);
  });

  it('should report a change written behind the audit trail’s back', async () => {
    // given a unit renamed directly in the table, outside any command
    await db.knex('org_unit').where({ code: 'T1' }).update({ name_el: 'Κρυφό' });
    // then the check names the table and the operation
    expect(await unauditedChanges(db.knex)).toMatchObject([{ table: 'org_unit', operation: 'UPDATE' }]);
  });

  it('should know, for every table of the runtime, whether it is audited or why not', async () => {
    // given the tables in the database that are not the engine's or the test's own
    const result = (await db.knex.raw(
      "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
    )) as { rows: { table_name: string }[] };
    const tables = result.rows
      .map((r) => r.table_name)
      .filter((t) => !t.startsWith('engine_') && t !== 'test_change_log');
    // then each is classified, so a new table cannot escape the audit check unnoticed
    const classified = new Set<string>([...AUDITED_TABLES, ...Object.keys(UNAUDITED_TABLES)]);
    expect(tables.filter((t) => !classified.has(t))).toEqual([]);
  });
});
