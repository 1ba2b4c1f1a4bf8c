import type { Knex } from 'knex';
import { designFromRow, designQuery, type DesignRow } from './designRows.js';
import type { DesignSummary } from './ProcessDesign.js';

/** The designs of the library, most recently changed first; `q` keeps those whose name or process id contain it. */
export async function listDesigns(knex: Knex, q?: string): Promise<DesignSummary[]> {
  const query = designQuery(knex, false).orderBy('d.updated_at', 'desc').orderBy('d.name');
  const term = q?.trim();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    void query.where((w) => void w.whereILike('d.name', like).orWhereILike('d.bpmn_process_id', like));
  }
  const rows = (await query) as DesignRow[];
  return rows.map((row) => {
    const { xml: _xml, createdAt: _created, ...summary } = designFromRow(row);
    return summary;
  });
}
