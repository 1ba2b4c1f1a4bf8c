import type { Knex } from 'knex';
import { staffMayReadApplications } from '../applications/staffMayReadApplications.js';
import type { SessionUser } from '../identity/sessions.js';
import { attachmentReadableThroughTask } from '../tasks/attachmentReadableThroughTask.js';
import type { Attachment } from './uploadAttachment.js';

/**
 * An attachment's metadata, if this user may read it: the person who uploaded it, or staff who may read the
 * application it is linked to or see a task of its case. Undefined otherwise, exactly as when it does not exist,
 * so that a refusal does not reveal that it exists.
 */
export async function findReadableAttachment(
  knex: Knex,
  user: SessionUser,
  attachmentId: string,
): Promise<Attachment | undefined> {
  const row = (await knex('attachment as t')
    .leftJoin('application as a', 'a.id', 't.application_id')
    .where('t.id', attachmentId)
    .first(
      't.id',
      't.sha256',
      't.size',
      't.media_type',
      't.original_name',
      't.created_at',
      't.uploaded_by',
      't.application_id',
      'a.owner_unit_id',
    )) as
    | {
        id: string;
        sha256: string;
        size: string | number;
        media_type: Attachment['mediaType'];
        original_name: string;
        created_at: Date;
        uploaded_by: string;
        application_id: string | null;
        owner_unit_id: string | null;
      }
    | undefined;
  if (!row) return undefined;
  const mayRead =
    row.uploaded_by === user.id ||
    (row.application_id !== null && (await staffMayReadApplications(knex, user, row.owner_unit_id))) ||
    (await attachmentReadableThroughTask(knex, user, row.id, row.application_id));
  if (!mayRead) return undefined;
  return {
    id: row.id,
    sha256: row.sha256,
    size: Number(row.size),
    mediaType: row.media_type,
    originalName: row.original_name,
    createdAt: new Date(row.created_at),
  };
}
