import type { Knex } from 'knex';
import type { Actor } from './Actor.js';
import { exportOrgChart } from './exportOrgChart.js';
import { formatCsv } from './formatCsv.js';
import { importOrgChart, type ImportCounts } from './importOrgChart.js';
import { fail, type OrgResult } from './OrgResult.js';
import type { OrgChartDocument } from './orgChartSchema.js';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './parseCsv.js';

/** The columns of units.csv: one unit a row; parent and head are a unit code and a username. */
export const UNIT_COLUMNS = ['code', 'name_el', 'name_en', 'kind', 'parent', 'head'] as const;

/**
 * The columns of people.csv: one user a row; unit and position give the primary membership; roles is a
 * `;`-separated list of `role` or `role@UNIT` (scoped). Other memberships and deputies travel only in JSON.
 */
export const PEOPLE_COLUMNS = [
  'username',
  'display_name_el',
  'display_name_en',
  'email',
  'kind',
  'tax_id',
  'active',
  'unit',
  'position',
  'roles',
] as const;

/** The org chart as the two CSV files (units.csv, people.csv), with header rows. */
export async function exportOrgChartCsv(knex: Knex): Promise<{ units: string; people: string }> {
  const doc = await exportOrgChart(knex);
  const units = doc.units.map((u) => [u.code, u.nameEl, u.nameEn, u.kind, u.parent ?? '', u.head ?? '']);
  const people = doc.users.map((u) => {
    const primary = u.memberships?.find((m) => m.primary) ?? u.memberships?.[0];
    const roles = (u.roles ?? []).map((r) => (r.unit ? `${r.role}@${r.unit}` : r.role)).join(';');
    const active = String(u.active ?? true);
    return [u.username, u.displayNameEl, u.displayNameEn, u.email ?? '', u.kind, u.taxId ?? '', active].concat([
      primary?.unit ?? '',
      primary?.position ?? '',
      roles,
    ]);
  });
  return { units: formatCsv([[...UNIT_COLUMNS], ...units]), people: formatCsv([[...PEOPLE_COLUMNS], ...people]) };
}

type Located = { file: string; record: CsvRecord; header: readonly string[] };

function rows(file: string, text: string, columns: readonly string[]): OrgResult<Located[]> {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return fail('org_chart_invalid', `${file}:${error.line}`, `${file} ${error.message}`);
  }
  const header = records[0]?.cells ?? [];
  const missing = columns.find((c) => !header.includes(c));
  if (missing)
    return fail('org_chart_invalid', `${file}:1:${missing}`, `${file} line 1: the column ${missing} is missing.`);
  for (const record of records.slice(1))
    if (record.cells.length !== header.length)
      return fail(
        'org_chart_invalid',
        `${file}:${record.line}`,
        `${file} line ${record.line}: expected ${header.length} cells, found ${record.cells.length}.`,
      );
  return { ok: true, value: records.slice(1).map((record) => ({ file, record, header })) };
}

const cell = (row: Located, column: string) => row.record.cells[row.header.indexOf(column)]!.trim();
const orNull = (value: string) => (value === '' ? null : value);

const UNIT_FIELD: Record<string, string> = { nameEl: 'name_el', nameEn: 'name_en' };
const USER_FIELD: Record<string, string> = {
  displayNameEl: 'display_name_el',
  displayNameEn: 'display_name_en',
  taxId: 'tax_id',
  memberships: 'unit',
};

/**
 * Imports units.csv and people.csv like {@link importOrgChart}: atomically and idempotently. An error names
 * the file, the line and the column (field `people.csv:7:tax_id`), and nothing is written.
 */
export async function importOrgChartCsv(
  knex: Knex,
  actor: Actor,
  files: { units: string; people: string },
): Promise<OrgResult<ImportCounts>> {
  const unitRows = rows('units.csv', files.units, UNIT_COLUMNS);
  if (!unitRows.ok) return unitRows;
  const peopleRows = rows('people.csv', files.people, PEOPLE_COLUMNS);
  if (!peopleRows.ok) return peopleRows;
  const doc = {
    version: 1,
    units: unitRows.value.map((r) => ({
      code: cell(r, 'code'),
      nameEl: cell(r, 'name_el'),
      nameEn: cell(r, 'name_en'),
      kind: cell(r, 'kind'),
      parent: orNull(cell(r, 'parent')),
      head: orNull(cell(r, 'head')),
    })),
    users: peopleRows.value.map((r) => {
      const active = cell(r, 'active');
      const unit = cell(r, 'unit');
      const roles = cell(r, 'roles');
      return {
        username: cell(r, 'username'),
        displayNameEl: cell(r, 'display_name_el'),
        displayNameEn: cell(r, 'display_name_en'),
        email: orNull(cell(r, 'email')),
        kind: cell(r, 'kind'),
        taxId: orNull(cell(r, 'tax_id')),
        // An unrecognised value stays a string, so that validation names the column.
        active: active === '' || active === 'true' ? true : active === 'false' ? false : active,
        memberships: unit === '' ? [] : [{ unit, position: cell(r, 'position'), primary: true }],
        roles:
          roles === ''
            ? []
            : roles.split(';').map((spec) => {
                const [role, scope] = spec.trim().split('@');
                return scope ? { role, unit: scope } : { role };
              }),
      };
    }),
  } as unknown as OrgChartDocument;
  const result = await importOrgChart(knex, actor, doc);
  if (result.ok) return result;
  // Translate the JSON pointer (/users/3/taxId) back to the file, line and column it came from.
  const [, list, index, field] = result.error.field.split('/');
  const located = (list === 'units' ? unitRows : list === 'users' ? peopleRows : undefined)?.value[Number(index)];
  if (!located) return result;
  const column = (list === 'units' ? UNIT_FIELD : USER_FIELD)[field ?? ''] ?? field ?? '';
  const where = `${located.file} line ${located.record.line}, column ${column}`;
  return fail(result.error.id, `${located.file}:${located.record.line}:${column}`, `${where}: ${result.error.message}`);
}
