import { reactive } from 'vue';
import type { PortalNotification } from '../api/types';
import { api, isCitizen } from '../session';

/** The signed-in citizen's notifications, shared by the header's badge and the notifications page. */
export const notificationStore = reactive<{
  notifications: readonly PortalNotification[] | undefined;
  unreadCount: number;
  failed: boolean;
}>({ notifications: undefined, unreadCount: 0, failed: false });

/** The id of a notification (the API names it `id`; `notificationId` is accepted too). */
export const notificationIdOf = (n: PortalNotification): string => n.notificationId ?? n.id ?? '';

/** Reads the notifications again (on sign-in, on moving to another page, after marking one read). */
export async function refreshNotifications(): Promise<void> {
  if (!isCitizen.value) return;
  try {
    const page = await api.notifications();
    notificationStore.notifications = page.notifications;
    notificationStore.unreadCount = page.unreadCount;
    notificationStore.failed = false;
  } catch {
    notificationStore.failed = true;
  }
}

/** Marks one notification read. */
export async function markRead(notification: PortalNotification): Promise<void> {
  await api.markNotificationRead(notificationIdOf(notification));
  await refreshNotifications();
}
