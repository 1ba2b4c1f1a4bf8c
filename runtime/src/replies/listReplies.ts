import type { Knex } from 'knex';
import type { ReplyView } from './ReplyView.js';

interface Row {
  id: string;
  application_id: string;
  message_name: string;
  form_id: string;
  form_version: number;
  data: Record<string, unknown> | string;
  submitted_at: Date | string;
  published_at: Date | string | null;
}

/**
 * The replies of applications, oldest first, by application id, with their attachments' metadata. Reading, not
 * deciding: callers check who may see the applications.
 */
export async function listReplies(knex: Knex, applicationIds: readonly string[]): Promise<Map<string, ReplyView[]>> {
  const byApplication = new Map<string, ReplyView[]>(applicationIds.map((id) => [id, []]));
  if (applicationIds.length === 0) return byApplication;
  const rows = (await knex('application_reply')
    .whereIn('application_id', applicationIds)
    .orderBy([{ column: 'submitted_at' }, { column: 'id' }])
    .select(
      'id',
      'application_id',
      'message_name',
      'form_id',
      'form_version',
      'data',
      'submitted_at',
      'published_at',
    )) as Row[];
  const files = rows.length
    ? ((await knex('attachment')
        .whereIn(
          'reply_id',
          rows.map((r) => r.id),
        )
        .orderBy('created_at')
        .select('id', 'reply_id', 'original_name', 'media_type', 'size')) as {
        id: string;
        reply_id: string;
        original_name: string;
        media_type: string;
        size: string | number;
      }[])
    : [];
  for (const r of rows)
    byApplication.get(r.application_id)?.push({
      replyId: r.id,
      messageName: r.message_name,
      formId: r.form_id,
      formVersion: r.form_version,
      submittedAt: new Date(r.submitted_at),
      publishedAt: r.published_at === null ? null : new Date(r.published_at),
      data: typeof r.data === 'string' ? (JSON.parse(r.data) as Record<string, unknown>) : r.data,
      attachments: files
        .filter((f) => f.reply_id === r.id)
        .map((f) => ({ id: f.id, originalName: f.original_name, mediaType: f.media_type, size: Number(f.size) })),
    });
  return byApplication;
}
