import type { Knex } from 'knex';
import { applicationProgressOf } from '../projections/applicationProgressOf.js';
import { listReplies } from '../replies/listReplies.js';
import { documentsOfApplications } from '../documents/documentsOfApplications.js';
import type { ApplicationView } from './ApplicationView.js';

interface Row {
  id: string;
  service_id: string;
  protocol_number: string;
  registered_at: Date;
  due_date: string;
  form_id: string;
  form_version: number;
  process_instance_key: string | null;
  citizen_user_id: string;
  owner_unit_id: string | null;
  data: Record<string, unknown> | string;
}

/**
 * Applications matching a filter (a citizen's, or one by id), newest first, with their attachments' metadata.
 * Reading, not deciding: callers check who may see them.
 */
export async function listApplications(
  knex: Knex,
  filter: { readonly citizenUserId?: string; readonly applicationId?: string },
  limit = 200,
): Promise<ApplicationView[]> {
  const query = knex('application')
    .select(
      'id',
      'service_id',
      'protocol_number',
      'registered_at',
      knex.raw("to_char(due_date, 'YYYY-MM-DD') as due_date"),
      'form_id',
      'form_version',
      knex.raw('process_instance_key::text as process_instance_key'),
      'citizen_user_id',
      'owner_unit_id',
      'data',
    )
    .orderBy([
      { column: 'registered_at', order: 'desc' },
      { column: 'protocol_sequence', order: 'desc' },
    ])
    .limit(limit);
  if (filter.citizenUserId !== undefined) void query.where('citizen_user_id', filter.citizenUserId);
  if (filter.applicationId !== undefined) void query.where('id', filter.applicationId);
  const rows = (await query) as Row[];
  const attachments = rows.length
    ? ((await knex('attachment')
        .whereIn(
          'application_id',
          rows.map((r) => r.id),
        )
        .whereNull('reply_id')
        .orderBy('created_at')
        .select('id', 'application_id', 'original_name', 'media_type', 'size')) as {
        id: string;
        application_id: string;
        original_name: string;
        media_type: string;
        size: string | number;
      }[])
    : [];
  const replies = await listReplies(
    knex,
    rows.map((r) => r.id),
  );
  const documents = await documentsOfApplications(
    knex,
    rows.map((r) => r.id),
  );
  const progress = await applicationProgressOf(
    knex,
    rows.map((r) => ({ id: r.id, registeredAt: new Date(r.registered_at) })),
  );
  return rows.map((r) => ({
    applicationId: r.id,
    serviceId: r.service_id,
    protocolNumber: r.protocol_number,
    registeredAt: new Date(r.registered_at),
    ...progress.get(r.id)!,
    dueDate: r.due_date,
    formId: r.form_id,
    formVersion: r.form_version,
    processInstanceKey: r.process_instance_key,
    citizenUserId: r.citizen_user_id,
    ownerUnitId: r.owner_unit_id,
    data: typeof r.data === 'string' ? (JSON.parse(r.data) as Record<string, unknown>) : r.data,
    attachments: attachments
      .filter((a) => a.application_id === r.id)
      .map((a) => ({ id: a.id, originalName: a.original_name, mediaType: a.media_type, size: Number(a.size) })),
    replies: replies.get(r.id) ?? [],
    documents: documents.get(r.id) ?? [],
  }));
}
