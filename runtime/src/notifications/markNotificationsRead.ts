import type { Knex } from 'knex';
import { NOTIFICATION_COLUMNS, notificationFromRow, type NotificationView } from './listNotifications.js';

/** What marking one notification read gives: the notification, or that the reader has none by that id. */
export type MarkReadResult =
  | { readonly ok: true; readonly value: NotificationView }
  | { readonly ok: false; readonly error: { readonly id: 'notification_not_found'; readonly message: string } };

/**
 * Marks one of a person's notifications read (a second time keeps the first read time). Another person's
 * notification is not found, as if it did not exist.
 */
export async function markNotificationRead(
  knex: Knex,
  recipientUserId: string,
  notificationId: string,
): Promise<MarkReadResult> {
  const [row] = (await knex('notification')
    .where({ id: notificationId, recipient_user_id: recipientUserId })
    .update({ read_at: knex.raw('coalesce(read_at, now())') })
    .returning(NOTIFICATION_COLUMNS)) as Parameters<typeof notificationFromRow>[0][];
  if (!row)
    return {
      ok: false,
      error: { id: 'notification_not_found', message: `There is no notification ${notificationId} for this user.` },
    };
  return { ok: true, value: notificationFromRow(row) };
}

/** Marks every unread notification of a person read; resolves to how many it marked. */
export async function markAllNotificationsRead(knex: Knex, recipientUserId: string): Promise<number> {
  return knex('notification')
    .where({ recipient_user_id: recipientUserId })
    .whereNull('read_at')
    .update({ read_at: knex.fn.now() });
}
