const ATHENS_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Athens',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Athens (yyyy-mm-dd) at an instant: the day deputy arrangements and deadlines count in. */
export function athensToday(now: Date = new Date()): string {
  return ATHENS_DATE.format(now);
}
