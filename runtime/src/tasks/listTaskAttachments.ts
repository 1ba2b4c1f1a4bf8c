import type { Knex } from 'knex';
import type { Task } from './Task.js';
import { ofSameCase, PERSON_COLUMNS, personFromRow, type PersonColumns, type TaskPerson } from './TaskPerson.js';

/** A file of a task's case: one the citizen attached to the application, or one staff linked to a task of it. */
export interface TaskAttachment {
  readonly attachmentId: string;
  readonly originalName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly source: 'application' | 'task';
  /** Who linked it to a task; null for the application's own attachments. */
  readonly linkedBy: TaskPerson | null;
  /** When it was linked, or uploaded for the application's own attachments. */
  readonly linkedAt: Date;
}

type AttachmentRow = PersonColumns & {
  id: string;
  original_name: string;
  media_type: string;
  size: string | number;
  at: Date | string;
};

const attachmentOf =
  (source: TaskAttachment['source']) =>
  (row: AttachmentRow): TaskAttachment => ({
    attachmentId: row.id,
    originalName: row.original_name,
    mediaType: row.media_type,
    size: Number(row.size),
    source,
    linkedBy: personFromRow(row),
    linkedAt: new Date(row.at),
  });

const FILE_COLUMNS = ['a.id', 'a.original_name', 'a.media_type', 'a.size'] as const;

/** The files of a task's case: the application's first (as uploaded), then those linked to its tasks, oldest first. */
export async function listTaskAttachments(
  knex: Knex | Knex.Transaction,
  task: Pick<Task, 'applicationId' | 'processInstanceKey'>,
): Promise<TaskAttachment[]> {
  const own =
    task.applicationId === null
      ? []
      : ((await knex('attachment as a')
          .where('a.application_id', task.applicationId)
          .select(
            ...FILE_COLUMNS,
            'a.created_at as at',
            knex.raw('null as person_id'),
            knex.raw('null as person_username'),
            knex.raw('null as person_display_name_el'),
            knex.raw('null as person_display_name_en'),
          )
          .orderBy([
            { column: 'a.created_at', order: 'asc' },
            { column: 'a.id', order: 'asc' },
          ])) as AttachmentRow[]);
  const linked = (await ofSameCase(
    knex('task_attachment as l')
      .join('attachment as a', 'a.id', 'l.attachment_id')
      .leftJoin('app_user as p', 'p.id', 'l.linked_by')
      .select(...FILE_COLUMNS, 'l.linked_at as at', ...PERSON_COLUMNS)
      .orderBy([
        { column: 'l.linked_at', order: 'asc' },
        { column: 'a.id', order: 'asc' },
      ]),
    'l',
    task,
  )) as AttachmentRow[];
  const seen = new Set<string>();
  return [...own.map(attachmentOf('application')), ...linked.map(attachmentOf('task'))].filter(
    (a) => !seen.has(a.attachmentId) && !!seen.add(a.attachmentId),
  );
}
