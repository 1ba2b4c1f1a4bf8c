import { plusDays, type IsoDate } from './isoDate.js';
import { orthodoxEaster } from './orthodoxEaster.js';

/** A day the municipality's offices are closed, named in Greek and English. */
export interface PublicHoliday {
  readonly date: IsoDate;
  readonly nameEl: string;
  readonly nameEn: string;
  /** `local` for the municipality's own days (πολιούχος), which come from configuration. */
  readonly kind: 'national' | 'local';
}

/** Options for the holidays of a year. */
export interface HolidayOptions {
  /** Local holidays as `MM-DD` (e.g. the πολιούχος of the municipality); configuration, not law. */
  readonly localHolidays?: readonly string[];
}

const LOCAL_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Labour Day when 1 May falls from Holy Monday to Easter Monday: the government moves it, in practice to the
 * Tuesday after Easter (2013 → 7/5, 2016 → 3/5, 2021 → 4/5, 2024 → 7/5). Each move is a ministerial decision,
 * so this is the usual outcome, not a law.
 */
function labourDay(year: number, easter: IsoDate): { date: IsoDate; moved: boolean } {
  const firstOfMay = `${year}-05-01`;
  const holyMonday = plusDays(easter, -6);
  const easterMonday = plusDays(easter, 1);
  const inHolyOrEasterWeek = firstOfMay >= holyMonday && firstOfMay <= easterMonday;
  return inHolyOrEasterWeek ? { date: plusDays(easter, 2), moved: true } : { date: firstOfMay, moved: false };
}

/**
 * The days the public sector does not work in a year (ν. 2690/1999 and the yearly circulars): fixed and Easter
 * dependent national holidays, including Holy Saturday, plus the given local holidays; sorted by date.
 * Half days (24/12, 31/12) are working days. Weekends are not listed.
 * @throws RangeError for years outside 1900–2099 or a local holiday that is not `MM-DD`.
 */
export function greekPublicHolidays(year: number, { localHolidays = [] }: HolidayOptions = {}): PublicHoliday[] {
  const easter = orthodoxEaster(year);
  const national = (date: IsoDate, nameEl: string, nameEn: string): PublicHoliday => ({
    date,
    nameEl,
    nameEn,
    kind: 'national',
  });
  const fixed = (monthDay: string, nameEl: string, nameEn: string) => national(`${year}-${monthDay}`, nameEl, nameEn);
  const fromEaster = (days: number, nameEl: string, nameEn: string) => national(plusDays(easter, days), nameEl, nameEn);
  const mayDay = labourDay(year, easter);
  const holidays: PublicHoliday[] = [
    fixed('01-01', 'Πρωτοχρονιά', "New Year's Day"),
    fixed('01-06', 'Θεοφάνεια', 'Epiphany'),
    fromEaster(-48, 'Καθαρά Δευτέρα', 'Clean Monday'),
    fixed('03-25', 'Εθνική Εορτή (25η Μαρτίου)', 'Independence Day'),
    fromEaster(-2, 'Μεγάλη Παρασκευή', 'Good Friday'),
    fromEaster(-1, 'Μεγάλο Σάββατο', 'Holy Saturday'),
    fromEaster(1, 'Δευτέρα του Πάσχα', 'Easter Monday'),
    national(
      mayDay.date,
      mayDay.moved ? 'Πρωτομαγιά (μεταφέρθηκε)' : 'Πρωτομαγιά',
      mayDay.moved ? 'Labour Day (moved)' : 'Labour Day',
    ),
    fromEaster(50, 'Αγίου Πνεύματος', 'Whit Monday'),
    fixed('08-15', 'Κοίμηση της Θεοτόκου', 'Dormition of the Mother of God'),
    fixed('10-28', 'Επέτειος του «Όχι»', 'Ochi Day'),
    fixed('12-25', 'Χριστούγεννα', 'Christmas Day'),
    fixed('12-26', 'Σύναξη της Θεοτόκου', 'Synaxis of the Mother of God'),
  ];
  for (const monthDay of localHolidays) {
    if (!LOCAL_DAY.test(monthDay)) throw new RangeError(`Expected a local holiday as MM-DD, but got '${monthDay}'`);
    const date = `${year}-${monthDay}`;
    // 02-29 only exists in leap years; a holiday on it is simply absent in the others.
    if (plusDays(date.slice(0, 8) + '01', Number(monthDay.slice(3)) - 1) !== date) continue;
    if (!holidays.some((h) => h.date === date))
      holidays.push({ date, nameEl: 'Τοπική αργία', nameEn: 'Local holiday', kind: 'local' });
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}
