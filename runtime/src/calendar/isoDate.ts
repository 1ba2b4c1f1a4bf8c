/** A calendar date as `yyyy-mm-dd`, the form in which deadlines are counted (Athens calendar days). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The UTC midnight of an ISO date, for day arithmetic that no daylight-saving change can disturb.
 * @throws RangeError when the text is not a real yyyy-mm-dd date.
 */
export function dayOf(date: IsoDate): Date {
  const match = ISO_DATE.exec(date);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!day || day.toISOString().slice(0, 10) !== date)
    throw new RangeError(`Expected a date as yyyy-mm-dd, but got '${date}'`);
  return day;
}

/** The ISO date `days` calendar days after (or, when negative, before) a date. */
export function plusDays(date: IsoDate, days: number): IsoDate {
  const day = dayOf(date);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The ISO date of a year, month (1–12) and day. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}
