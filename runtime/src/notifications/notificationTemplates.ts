import { el } from '../i18n/el.js';
import { en } from '../i18n/en.js';

const catalogues: readonly Record<string, string>[] = [el, en];

/** Whether a template has its title and body (`notification.<template>.title/.body`) in every language. */
export function isNotificationTemplate(template: string): boolean {
  return catalogues.every(
    (c) => c[`notification.${template}.title`] !== undefined && c[`notification.${template}.body`] !== undefined,
  );
}

/** The `{placeholder}` names a template's title and body use, in either language. */
export function templatePlaceholders(template: string): string[] {
  const names = new Set<string>();
  for (const c of catalogues)
    for (const part of ['title', 'body'])
      for (const match of (c[`notification.${template}.${part}`] ?? '').matchAll(/\{(\w+)\}/g)) names.add(match[1]!);
  return [...names];
}
