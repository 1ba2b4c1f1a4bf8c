import type { Knex } from 'knex';
import { staffMayReadApplications } from '../applications/staffMayReadApplications.js';
import type { SessionUser } from '../identity/sessions.js';
import { issuedDocumentFromRow, type DocumentRow, type IssuedDocument } from './IssuedDocument.js';

/**
 * A document's metadata, if this user may read it: the citizen whose application it belongs to, or staff who may
 * read that application. Undefined otherwise, exactly as when it does not exist, so a refusal reveals nothing.
 */
export async function findReadableDocument(
  knex: Knex,
  user: SessionUser,
  documentId: string,
): Promise<IssuedDocument | undefined> {
  const row = (await knex('document as d')
    .join('application as a', 'a.id', 'd.application_id')
    .where('d.id', documentId)
    .first('d.*', 'a.citizen_user_id', 'a.owner_unit_id')) as
    (DocumentRow & { citizen_user_id: string; owner_unit_id: string | null }) | undefined;
  if (!row) return undefined;
  const mayRead = row.citizen_user_id === user.id || (await staffMayReadApplications(knex, user, row.owner_unit_id));
  return mayRead ? issuedDocumentFromRow(row) : undefined;
}
