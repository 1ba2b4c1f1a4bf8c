import type { Language } from '../../i18n/index.js';
import type { NotificationView } from '../../notifications/listNotifications.js';
import { renderNotification } from '../../notifications/renderNotification.js';

/** A notification as the API shows it: rendered in the reader's language. */
export function presentNotification(view: NotificationView, language: Language): Record<string, unknown> {
  const { title, body } = renderNotification(view.template, view.params, language);
  return {
    id: view.id,
    template: view.template,
    title,
    body,
    applicationId: view.applicationId,
    taskId: view.taskId,
    createdAt: view.createdAt.toISOString(),
    read: view.readAt !== null,
    readAt: view.readAt?.toISOString() ?? null,
  };
}
