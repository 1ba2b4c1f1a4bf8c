import type { Knex } from 'knex';
import type { NotificationParam } from './NotificationChannel.js';

/** A notification as its reader's inbox lists it (rendered by the presenter in the reader's language). */
export interface NotificationView {
  readonly id: string;
  readonly template: string;
  readonly params: Readonly<Record<string, NotificationParam>>;
  readonly applicationId: string | null;
  readonly taskId: string | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

/** One page of a person's notifications, with how many are unread in all. */
export interface NotificationPage {
  readonly notifications: readonly NotificationView[];
  readonly unreadCount: number;
  readonly total: number;
}

interface Row {
  id: string;
  template: string;
  params: Record<string, NotificationParam> | string;
  application_id: string | null;
  task_id: string | null;
  created_at: Date | string;
  read_at: Date | string | null;
}

/** Maps a stored row to a {@link NotificationView}. */
export function notificationFromRow(r: Row): NotificationView {
  return {
    id: r.id,
    template: r.template,
    params: typeof r.params === 'string' ? (JSON.parse(r.params) as Record<string, NotificationParam>) : r.params,
    applicationId: r.application_id,
    taskId: r.task_id,
    createdAt: new Date(r.created_at),
    readAt: r.read_at === null ? null : new Date(r.read_at),
  };
}

/** The columns a {@link NotificationView} is made of. */
export const NOTIFICATION_COLUMNS = ['id', 'template', 'params', 'application_id', 'task_id', 'created_at', 'read_at'];

/** A person's notifications, newest first or unread first (then newest), a page at a time. */
export async function listNotifications(
  knex: Knex,
  recipientUserId: string,
  page: { readonly order: 'newest' | 'unread'; readonly limit: number; readonly offset: number },
): Promise<NotificationPage> {
  const query = knex('notification').where({ recipient_user_id: recipientUserId });
  if (page.order === 'unread') void query.orderByRaw('read_at is null desc');
  const rows = (await query
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(page.limit)
    .offset(page.offset)
    .select(NOTIFICATION_COLUMNS)) as Row[];
  const counts = (await knex('notification')
    .where({ recipient_user_id: recipientUserId })
    .first(knex.raw('count(*)::int as total'), knex.raw('count(*) filter (where read_at is null)::int as unread'))) as {
    total: number;
    unread: number;
  };
  return { notifications: rows.map(notificationFromRow), unreadCount: counts.unread, total: counts.total };
}
