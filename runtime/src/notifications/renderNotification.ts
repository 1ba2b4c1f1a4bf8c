import { translator, type Language, type MessageKey } from '../i18n/index.js';
import type { NotificationParam } from './NotificationChannel.js';

function textOf(value: NotificationParam | undefined, language: Language): string {
  if (value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join('; ');
  return (value as { el: string; en: string })[language];
}

/** A notification's title and body in the reader's language, its `{placeholders}` filled from its parameters. */
export function renderNotification(
  template: string,
  params: Readonly<Record<string, NotificationParam>>,
  language: Language,
): { title: string; body: string } {
  const t = translator(language);
  const fill = (part: 'title' | 'body') =>
    (t(`notification.${template}.${part}` as MessageKey) ?? template).replace(/\{(\w+)\}/g, (_, name: string) =>
      textOf(params[name], language),
    );
  return { title: fill('title'), body: fill('body') };
}
