const ATHENS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Athens',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An instant's calendar day in Athens as Greek documents write it: `14-03-2026`. */
export function formatAthensDate(instant: Date): string {
  const part = Object.fromEntries(ATHENS.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${part.day}-${part.month}-${part.year}`;
}
