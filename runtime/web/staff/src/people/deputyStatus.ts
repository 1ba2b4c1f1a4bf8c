import type { Deputy } from '../api/types';

/** Today's date in Athens as yyyy-mm-dd: deputy arrangements are by the municipality's calendar day. */
export function athensToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Athens',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Whether an arrangement holds on a day (both ends inclusive), is still to come, or is over. */
export function deputyStatus(
  deputy: Pick<Deputy, 'fromDate' | 'toDate'>,
  today: string,
): 'active' | 'upcoming' | 'ended' {
  if (today < deputy.fromDate) return 'upcoming';
  if (today > deputy.toDate) return 'ended';
  return 'active';
}
