const ATHENS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Athens',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant in Athens time as a receipt shows it: `14-03-2026 10:42` (day-month-year, 24-hour clock). */
export function formatAthensDateTime(instant: Date): string {
  const part = Object.fromEntries(ATHENS.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${part.day}-${part.month}-${part.year} ${part.hour}:${part.minute}`;
}
