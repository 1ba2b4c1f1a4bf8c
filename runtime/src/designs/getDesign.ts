import type { Knex } from 'knex';
import { designFromRow, designQuery, type DesignRow } from './designRows.js';
import { designNotFound, type DesignResult, type ProcessDesign } from './ProcessDesign.js';

/** One design with its XML, or design_not_found. */
export async function getDesign(knex: Knex | Knex.Transaction, designId: string): Promise<DesignResult<ProcessDesign>> {
  const row = (await designQuery(knex, true).where('d.id', designId).first()) as DesignRow | undefined;
  return row ? { ok: true, value: designFromRow(row) } : designNotFound(designId);
}
