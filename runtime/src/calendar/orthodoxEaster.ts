import { isoDate, plusDays, type IsoDate } from './isoDate.js';

/**
 * The date of Orthodox Easter Sunday in a year, in the Gregorian calendar: Meeus' Julian algorithm plus the
 * 13 days by which the calendars differ from 1900 to 2099.
 * @throws RangeError for years outside 1900–2099, where the 13-day difference does not hold.
 */
export function orthodoxEaster(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1900 || year > 2099)
    throw new RangeError(`Expected a year from 1900 to 2099, but got ${year}`);
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  return plusDays(isoDate(year, month, day), 13);
}
