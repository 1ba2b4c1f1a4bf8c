import { el } from '../i18n/el.js';
import { en } from '../i18n/en.js';

/** The statuses a citizen sees an application in: a fixed vocabulary, each with its label in both languages. */
export const APPLICATION_STATUSES = [
  'submitted',
  'in_review',
  'awaiting_citizen',
  'awaiting_opinion',
  'awaiting_payment',
  'approved',
  'issued',
  'rejected',
  'closed',
] as const;

/** One status of the vocabulary. */
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A text in Greek and English. */
export interface StatusLabel {
  readonly el: string;
  readonly en: string;
}

/** Whether a value is a status of the vocabulary. */
export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

/** The label of a status: the service's override for its milestone when there is one, else the vocabulary's. */
export function applicationStatusLabel(status: ApplicationStatus, override?: StatusLabel | null): StatusLabel {
  if (override) return { el: override.el, en: override.en };
  const key = `applicationStatus.${status}` as const;
  return { el: el[key], en: en[key] };
}
