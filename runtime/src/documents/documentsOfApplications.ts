import type { Knex } from 'knex';
import { issuedDocumentFromRow, type DocumentRow, type IssuedDocument } from './IssuedDocument.js';

/** The documents issued for each of the applications, oldest first (the receipt, then the outcome and letters). */
export async function documentsOfApplications(
  knex: Knex,
  applicationIds: readonly string[],
): Promise<Map<string, IssuedDocument[]>> {
  const byApplication = new Map<string, IssuedDocument[]>();
  if (applicationIds.length === 0) return byApplication;
  const rows = (await knex('document')
    .whereIn('application_id', [...applicationIds])
    .orderBy([{ column: 'issued_at' }, { column: 'id' }])) as DocumentRow[];
  for (const row of rows) {
    const list = byApplication.get(row.application_id) ?? [];
    list.push(issuedDocumentFromRow(row));
    byApplication.set(row.application_id, list);
  }
  return byApplication;
}
