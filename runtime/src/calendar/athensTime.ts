import { dayOf, type IsoDate } from './isoDate.js';

const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Athens', timeZoneName: 'longOffset' });

/** The end of the public sector's office hours, when a deadline that falls on a day is taken to expire. */
export const OFFICE_CLOSING_TIME = '15:00';

/**
 * An Athens wall-clock time on a date as an ISO 8601 date-time with its UTC offset (+02:00 in winter, +03:00 in
 * summer), the form the engine's timers and FEEL `date and time()` read: `2026-04-21T15:00:00+03:00`.
 * @throws RangeError for a malformed date or time.
 */
export function athensDateTime(date: IsoDate, time: string = OFFICE_CLOSING_TIME): string {
  dayOf(date);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new RangeError(`Expected a time as HH:MM, but got '${time}'`);
  // The offset at that wall-clock time: read it at the UTC instant with the same digits, then correct once
  // (the correction only matters within the hours around a daylight-saving change).
  const offsetAt = (instant: number) => {
    const name = OFFSET.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  };
  const naive = Date.parse(`${date}T${time}:00Z`);
  const first = offsetAt(naive);
  const minutes = offsetAt(naive - first * 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
  return `${date}T${time}:00${sign}${hh}:${mm}`;
}
