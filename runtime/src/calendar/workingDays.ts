import { greekPublicHolidays, type HolidayOptions } from './greekPublicHolidays.js';
import { dayOf, plusDays, type IsoDate } from './isoDate.js';

/** The public holidays of each year, as a set of ISO dates, per local-holiday configuration. */
const holidaySets = new Map<string, Set<IsoDate>>();

function holidaysOf(year: number, options: HolidayOptions): Set<IsoDate> {
  const cacheKey = `${year}|${(options.localHolidays ?? []).join(',')}`;
  let set = holidaySets.get(cacheKey);
  if (!set) {
    set = new Set(greekPublicHolidays(year, options).map((h) => h.date));
    holidaySets.set(cacheKey, set);
  }
  return set;
}

/**
 * Whether the municipality's offices work on a date: Monday to Friday and not a public (or configured local)
 * holiday.
 * @throws RangeError for a malformed date or a year outside 1900–2099.
 */
export function isWorkingDay(date: IsoDate, options: HolidayOptions = {}): boolean {
  const weekday = dayOf(date).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(Number(date.slice(0, 4)), options).has(date);
}

/**
 * The date `n` working days after a date: counting starts the next day, as for administrative deadlines, so
 * a Friday application with n = 1 is due on Monday. With n = 0, the date itself or the next working day.
 * @throws RangeError when n is negative or not a whole number.
 */
export function addWorkingDays(date: IsoDate, n: number, options: HolidayOptions = {}): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Expected a whole number of working days, but got ${n}`);
  let day = date;
  if (n === 0) {
    while (!isWorkingDay(day, options)) day = plusDays(day, 1);
    return day;
  }
  for (let counted = 0; counted < n;) {
    day = plusDays(day, 1);
    if (isWorkingDay(day, options)) counted += 1;
  }
  return day;
}

/**
 * The date `n` calendar days after a date, moved to the next working day when it falls on a weekend or
 * holiday: the general 50-day rule of art. 4 ν. 2690/1999 (counting from the day after filing).
 * @throws RangeError when n is negative or not a whole number.
 */
export function addCalendarDaysRollingToWorkingDay(date: IsoDate, n: number, options: HolidayOptions = {}): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Expected a whole number of days, but got ${n}`);
  return addWorkingDays(plusDays(date, n), 0, options);
}
