import { parseCron } from './cronExpression.js';
import { addIsoDuration, parseIsoDuration } from './isoDuration.js';

/** When a timer is due, and how often it repeats (-1: forever). */
export interface TimerSchedule {
  readonly dueDate: number;
  readonly repetitions: number;
  /** The text that computes the following due dates of a cycle. */
  readonly cycle: string | undefined;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?(\[[\w/+-]+\])?$/;

function parseDateTime(text: string): number | undefined {
  const trimmed = text.trim().replace(/\[[\w/+-]+\]$/, '');
  if (!ISO_DATE_TIME.test(trimmed)) return undefined;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(trimmed) ? trimmed : `${trimmed}Z`;
  const epoch = Date.parse(withZone);
  return Number.isNaN(epoch) ? undefined : epoch;
}

/**
 * Computes a timer's schedule from its evaluated definition, at `now`.
 * Returns a sentence explaining the problem when the text is not a valid date, duration or cycle.
 */
export function scheduleTimer(kind: 'date' | 'duration' | 'cycle', text: string, now: number): TimerSchedule | string {
  if (kind === 'date') {
    const due = parseDateTime(text);
    return due === undefined
      ? `'${text}' is not an ISO 8601 date and time (e.g. 2026-05-01T09:00:00Z)`
      : { dueDate: due, repetitions: 1, cycle: undefined };
  }
  if (kind === 'duration') {
    const duration = parseIsoDuration(text);
    return duration === undefined
      ? `'${text}' is not an ISO 8601 duration (e.g. PT15M, P5D)`
      : { dueDate: addIsoDuration(now, duration), repetitions: 1, cycle: undefined };
  }
  const next = nextCycleDate(text, now, true);
  if (typeof next === 'string') return next;
  return { dueDate: next.dueDate, repetitions: next.repetitions, cycle: text };
}

/**
 * The next due date of a cycle (`R5/PT10S`, `R/2026-01-01T08:00:00Z/P1D`, or a cron expression) after `now`.
 * `first` computes the first occurrence (a start date in the cycle is used as is).
 */
export function nextCycleDate(
  text: string,
  now: number,
  first: boolean,
): { dueDate: number; repetitions: number } | string {
  const trimmed = text.trim();
  const iso = /^R(\d*)\/(.+)$/.exec(trimmed);
  if (!iso) {
    const cron = parseCron(trimmed);
    if (typeof cron === 'string') {
      return `'${text}' is neither an ISO 8601 cycle (e.g. R3/PT10M) nor a cron expression: ${cron}`;
    }
    const due = cron.next(now);
    return due === undefined ? `the cron expression '${text}' never fires` : { dueDate: due, repetitions: -1 };
  }
  const repetitions = iso[1] === '' ? -1 : Number(iso[1]);
  const parts = (iso[2] ?? '').split('/');
  const durationText = parts.length === 2 ? parts[1] : parts[0];
  const duration = parseIsoDuration(durationText ?? '');
  if (!duration) return `'${text}' has no valid ISO 8601 duration (e.g. R3/PT10M)`;
  if (parts.length === 2) {
    const start = parseDateTime(parts[0] ?? '');
    if (start === undefined) return `'${text}' has an invalid start date`;
    if (first && start >= now) return { dueDate: start, repetitions };
    let due = start;
    while (due <= now) due = addIsoDuration(due, duration);
    return { dueDate: due, repetitions };
  }
  return { dueDate: addIsoDuration(now, duration), repetitions };
}
