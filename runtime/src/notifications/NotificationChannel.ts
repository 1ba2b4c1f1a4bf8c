import type { Knex } from 'knex';

/** A notification as stored: rendered in its reader's language only when read. */
export interface StoredNotification {
  readonly id: string;
  readonly recipientUserId: string;
  readonly template: string;
  readonly params: Readonly<Record<string, NotificationParam>>;
  readonly applicationId: string | null;
  readonly taskId: string | null;
}

/** A value a template's `{placeholder}` shows: text, a number, a list (joined), or a text in both languages. */
export type NotificationParam = string | number | readonly string[] | { readonly el: string; readonly en: string };

/**
 * A way of delivering a notification besides the in-app inbox (the `notification` table itself), e.g. email or SMS
 * (a later issue). `notify` calls each channel inside the transaction that stores the notification, so a channel
 * writes its own outbox row there and sends after the commit: nothing is sent for a change that rolls back, and a
 * notification already stored (the same cause again) is not delivered twice. Only the in-app inbox exists today.
 */
export interface NotificationChannel {
  readonly name: string;
  deliver(trx: Knex.Transaction, notification: StoredNotification): Promise<void>;
}
