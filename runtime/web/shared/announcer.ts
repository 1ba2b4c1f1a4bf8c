import { nextTick, reactive } from 'vue';

/** The messages of the app's live regions: confirmations are polite, errors assertive. */
export const announcements = reactive({ status: '', alert: '' });

let timer: ReturnType<typeof setTimeout> | undefined;

async function say(kind: 'status' | 'alert', message: string): Promise<void> {
  // Cleared first so that the same message said twice is announced twice.
  announcements.status = '';
  announcements.alert = '';
  await nextTick();
  announcements[kind] = message;
  clearTimeout(timer);
  timer = setTimeout(() => (announcements[kind] = ''), 8000);
}

/** Announces a confirmation ("Saved") politely and shows it for a few seconds. */
export const announce = (message: string) => say('status', message);

/** Clears the messages, e.g. on moving to another page, where they would be out of place. */
export function clearAnnouncements(): void {
  clearTimeout(timer);
  announcements.status = '';
  announcements.alert = '';
}

/** Announces an error that has no field to sit next to. */
export const announceError = (message: string) => say('alert', message);
