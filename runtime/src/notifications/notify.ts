import type { Knex } from 'knex';
import type { NotificationChannel, NotificationParam, StoredNotification } from './NotificationChannel.js';
import { isNotificationTemplate } from './notificationTemplates.js';

/** What to tell whom: a template of the i18n catalogues and its parameters, about an application or a task. */
export interface NotifyCommand {
  readonly recipientUserId: string;
  readonly template: string;
  readonly params: Readonly<Record<string, NotificationParam>>;
  readonly applicationId?: string | null | undefined;
  readonly taskId?: string | null | undefined;
  /**
   * The cause (a job key, a task reminder): a second notification with the same cause for the same person is not
   * stored, which makes retried jobs and sweeps harmless.
   */
  readonly sourceKey?: string | undefined;
}

/**
 * Stores a notification for one person inside the caller's transaction (the in-app inbox) and hands it to the other
 * channels; resolves to it, or to undefined when one with the same cause was stored before.
 * @throws Error when the template has no title or body in the catalogues (a bug in the caller).
 */
export async function notify(
  trx: Knex.Transaction,
  command: NotifyCommand,
  channels: readonly NotificationChannel[] = [],
): Promise<StoredNotification | undefined> {
  if (!isNotificationTemplate(command.template))
    throw new Error(
      `Expected a notification template with notification.${command.template}.title and .body in every catalogue, but there is none`,
    );
  const [row] = (await trx('notification')
    .insert({
      recipient_user_id: command.recipientUserId,
      template: command.template,
      params: JSON.stringify(command.params),
      application_id: command.applicationId ?? null,
      task_id: command.taskId ?? null,
      source_key: command.sourceKey ?? null,
    })
    .onConflict(['recipient_user_id', 'source_key'])
    .ignore()
    .returning('id')) as { id: string }[];
  if (!row) return undefined;
  const notification: StoredNotification = {
    id: row.id,
    recipientUserId: command.recipientUserId,
    template: command.template,
    params: command.params,
    applicationId: command.applicationId ?? null,
    taskId: command.taskId ?? null,
  };
  for (const channel of channels) await channel.deliver(trx, notification);
  return notification;
}
