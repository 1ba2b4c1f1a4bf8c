import { describe, expect, it } from 'vitest';
import { parseCron } from './cronExpression.js';
import { nextCycleDate, scheduleTimer } from './timerSchedule.js';

const NOW = Date.parse('2026-01-31T10:00:00Z');
const iso = (epoch: number) => new Date(epoch).toISOString();

describe('scheduleTimer', () => {
  it('should schedule a duration from now, with calendar months', () => {
    expect(scheduleTimer('duration', 'PT15M', NOW)).toMatchObject({ dueDate: NOW + 15 * 60_000, repetitions: 1 });
    const month = scheduleTimer('duration', 'P1M', NOW);
    expect(typeof month !== 'string' && iso(month.dueDate)).toBe('2026-02-28T10:00:00.000Z');
  });

  it('should schedule a date with or without a zone (UTC)', () => {
    expect(scheduleTimer('date', '2026-05-01T09:00:00+03:00', NOW)).toMatchObject({
      dueDate: Date.parse('2026-05-01T06:00:00Z'),
    });
    expect(scheduleTimer('date', '2026-05-01T09:00:00', NOW)).toMatchObject({
      dueDate: Date.parse('2026-05-01T09:00:00Z'),
    });
  });

  it('should schedule ISO cycles and cron expressions', () => {
    expect(scheduleTimer('cycle', 'R3/PT10S', NOW)).toMatchObject({ dueDate: NOW + 10_000, repetitions: 3 });
    expect(scheduleTimer('cycle', 'R/PT1H', NOW)).toMatchObject({ repetitions: -1 });
    const cron = scheduleTimer('cycle', '0 0 9 * * MON-FRI', NOW); // Saturday 31 Jan → Monday 2 Feb 09:00
    expect(typeof cron !== 'string' && iso(cron.dueDate)).toBe('2026-02-02T09:00:00.000Z');
    const dated = nextCycleDate('R/2026-01-01T08:00:00Z/P1D', NOW, true);
    expect(typeof dated !== 'string' && iso(dated.dueDate)).toBe('2026-02-01T08:00:00.000Z');
  });

  it('should explain what is wrong with a bad timer', () => {
    expect(scheduleTimer('duration', '15 minutes', NOW)).toBe(
      "'15 minutes' is not an ISO 8601 duration (e.g. PT15M, P5D)",
    );
    expect(scheduleTimer('date', 'tomorrow', NOW)).toContain('is not an ISO 8601 date and time');
    expect(scheduleTimer('cycle', '0 61 * * * *', NOW)).toContain('the minute field');
  });
});

describe('parseCron', () => {
  it('should find the next firing of steps, lists and names', () => {
    const cron = parseCron('0 */15 8-9 1,15 * ?');
    if (typeof cron === 'string') throw new Error(cron);
    expect(iso(cron.next(Date.parse('2026-03-01T08:50:00Z'))!)).toBe('2026-03-01T09:00:00.000Z');
    expect(iso(cron.next(Date.parse('2026-03-01T09:45:00Z'))!)).toBe('2026-03-15T08:00:00.000Z');
  });
});
