import { describe, expect, it } from 'vitest';
import { athensDateTime } from './athensTime.js';
import { greekPublicHolidays } from './greekPublicHolidays.js';
import { orthodoxEaster } from './orthodoxEaster.js';
import { addCalendarDaysRollingToWorkingDay, addWorkingDays, isWorkingDay } from './workingDays.js';

describe('orthodoxEaster', () => {
  it('should give the known Easter Sundays', () => {
    expect(orthodoxEaster(2024)).toBe('2024-05-05');
    expect(orthodoxEaster(2025)).toBe('2025-04-20');
    expect(orthodoxEaster(2026)).toBe('2026-04-12');
    expect(orthodoxEaster(2021)).toBe('2021-05-02');
    expect(orthodoxEaster(1900)).toBe('1900-04-22');
  });

  it('should refuse years outside 1900–2099', () => {
    expect(() => orthodoxEaster(1899)).toThrow(RangeError);
    expect(() => orthodoxEaster(2100)).toThrow(RangeError);
    expect(() => orthodoxEaster(2026.5)).toThrow(RangeError);
  });
});

describe('greekPublicHolidays', () => {
  it('should list the public-sector holidays of 2026 in order, with Greek and English names', () => {
    // when
    const holidays = greekPublicHolidays(2026);
    // then
    expect(holidays.map((h) => `${h.date} ${h.nameEl}`)).toEqual([
      '2026-01-01 Πρωτοχρονιά',
      '2026-01-06 Θεοφάνεια',
      '2026-02-23 Καθαρά Δευτέρα',
      '2026-03-25 Εθνική Εορτή (25η Μαρτίου)',
      '2026-04-10 Μεγάλη Παρασκευή',
      '2026-04-11 Μεγάλο Σάββατο',
      '2026-04-13 Δευτέρα του Πάσχα',
      '2026-05-01 Πρωτομαγιά',
      '2026-06-01 Αγίου Πνεύματος',
      '2026-08-15 Κοίμηση της Θεοτόκου',
      '2026-10-28 Επέτειος του «Όχι»',
      '2026-12-25 Χριστούγεννα',
      '2026-12-26 Σύναξη της Θεοτόκου',
    ]);
    expect(holidays.find((h) => h.date === '2026-06-01')).toMatchObject({ nameEn: 'Whit Monday', kind: 'national' });
  });

  it('should move Labour Day to the Tuesday after Easter when 1 May falls in Holy Week or on Easter Monday', () => {
    // 2024: 1 May was Holy Wednesday (Easter 5 May) → 7 May; 2021: Holy Saturday → 4 May; 2016: Easter Sunday → 3 May
    const labourDay = (year: number) => greekPublicHolidays(year).filter((h) => h.nameEn.startsWith('Labour Day'));
    expect(labourDay(2024)).toEqual([expect.objectContaining({ date: '2024-05-07', nameEn: 'Labour Day (moved)' })]);
    expect(labourDay(2021).map((h) => h.date)).toEqual(['2021-05-04']);
    expect(labourDay(2016).map((h) => h.date)).toEqual(['2016-05-03']);
    // 2025: Easter 20 April, 1 May is an ordinary Thursday
    expect(labourDay(2025).map((h) => h.date)).toEqual(['2025-05-01']);
  });

  it('should add configured local holidays once, skipping 29 February in common years', () => {
    // when
    const holidays = greekPublicHolidays(2026, { localHolidays: ['08-15', '11-21', '02-29'] });
    // then
    expect(holidays.filter((h) => h.kind === 'local')).toEqual([
      { date: '2026-11-21', nameEl: 'Τοπική αργία', nameEn: 'Local holiday', kind: 'local' },
    ]);
    expect(holidays.filter((h) => h.date === '2026-08-15')).toHaveLength(1);
    expect(() => greekPublicHolidays(2026, { localHolidays: ['21/11'] })).toThrow(RangeError);
  });
});

describe('working days', () => {
  it('should not count weekends and holidays as working days', () => {
    expect(isWorkingDay('2026-04-09')).toBe(true); // Holy Thursday
    expect(isWorkingDay('2026-04-10')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-13')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-04-18')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-20')).toBe(true);
    expect(isWorkingDay('2026-11-20', { localHolidays: ['11-20'] })).toBe(false);
  });

  it('should count working days from the next day', () => {
    // Friday + 1 working day is Monday
    expect(addWorkingDays('2026-03-13', 1)).toBe('2026-03-16');
    // Tuesday 24 March + 1 skips the national holiday of 25 March
    expect(addWorkingDays('2026-03-24', 1)).toBe('2026-03-26');
    expect(addWorkingDays('2026-04-11', 0)).toBe('2026-04-14');
    expect(() => addWorkingDays('2026-04-11', -1)).toThrow(RangeError);
  });

  it('should give a 5-working-day deadline that crosses Easter 2026', () => {
    // given an application filed on Holy Wednesday 8 April 2026
    // when: Thu 9 (1), Good Friday, Holy Saturday, Easter Sunday, Easter Monday, Tue 14 (2), Wed 15 (3), Thu 16 (4), Fri 17 (5)
    // then
    expect(addWorkingDays('2026-04-08', 5)).toBe('2026-04-17');
    // and 10 working days from 1 May 2026 (a Friday holiday): 4–8, 11–15 May
    expect(addWorkingDays('2026-05-01', 10)).toBe('2026-05-15');
  });

  it('should roll the 50-day deadline forward to the next working day', () => {
    // 50 calendar days after 20 Feb 2026 is Holy Saturday 11 April → Tuesday 14 April, after Easter Monday
    expect(addCalendarDaysRollingToWorkingDay('2026-02-20', 50)).toBe('2026-04-14');
    // a deadline on a working day stays where it is
    expect(addCalendarDaysRollingToWorkingDay('2026-01-12', 50)).toBe('2026-03-03');
  });
});

describe('athensDateTime', () => {
  it('should give the Athens offset of the date: +02:00 in winter, +03:00 in summer', () => {
    expect(athensDateTime('2026-01-15')).toBe('2026-01-15T15:00:00+02:00');
    expect(athensDateTime('2026-04-17')).toBe('2026-04-17T15:00:00+03:00');
    // the last Sunday of March changes at 03:00 local time
    expect(athensDateTime('2026-03-29', '02:30')).toBe('2026-03-29T02:30:00+02:00');
    expect(athensDateTime('2026-03-29', '09:00')).toBe('2026-03-29T09:00:00+03:00');
    expect(() => athensDateTime('2026-13-01')).toThrow(RangeError);
  });
});
