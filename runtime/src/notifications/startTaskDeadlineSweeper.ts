import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { HolidayOptions } from '../calendar/greekPublicHolidays.js';
import { sweepTaskDeadlines, type SweepOutcome } from './sweepTaskDeadlines.js';

/** A running task deadline sweeper. */
export interface TaskDeadlineSweeper {
  /** Sweeps now (after the sweep in hand, if any). */
  sweepOnce(): Promise<SweepOutcome>;
  /** Stops the timer and waits for the sweep in hand. */
  stop(): Promise<void>;
}

/**
 * Runs {@link sweepTaskDeadlines} every `intervalMs` (default one minute): reminders to assignees of tasks due by the
 * end of the next working day, and escalations of overdue tasks to the heads of their units.
 */
export function startTaskDeadlineSweeper(options: {
  readonly knex: Knex;
  readonly logger: Logger;
  readonly intervalMs?: number;
  readonly holidays?: HolidayOptions;
  readonly now?: () => Date;
}): TaskDeadlineSweeper {
  const logger = options.logger.child({ component: 'task-deadlines' });
  const now = options.now ?? (() => new Date());
  let running: Promise<SweepOutcome> | undefined;
  const sweepOnce = (): Promise<SweepOutcome> => {
    const next = (running ?? Promise.resolve(undefined))
      .catch(() => undefined)
      .then(() =>
        sweepTaskDeadlines(options.knex, { now: now(), ...(options.holidays ? { holidays: options.holidays } : {}) }),
      );
    running = next;
    return next;
  };
  const timer = setInterval(() => {
    sweepOnce().then(
      (outcome) => {
        if (outcome.reminded + outcome.escalated > 0) logger.info(outcome, 'task deadlines swept');
      },
      (error: unknown) => logger.warn({ err: error }, 'sweeping task deadlines failed'),
    );
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    sweepOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
