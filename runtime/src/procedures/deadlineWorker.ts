import { athensDateTime } from '../calendar/athensTime.js';
import type { HolidayOptions } from '../calendar/greekPublicHolidays.js';
import { addWorkingDays } from '../calendar/workingDays.js';
import type { JobHandler } from '../engine/JobWorker.js';
import { athensToday } from '../orgchart/athensToday.js';

/** The job type of the service tasks that compute a working-day deadline. */
export const DEADLINE_JOB_TYPE = 'polis:deadline';

/**
 * The handler of `polis:deadline` jobs: sets the variable named by the `resultVariable` header to the end of
 * office hours `workingDays` (header) working days from today in Athens, e.g. the date by which a citizen must
 * answer a request for more information (`replyDue`).
 * @throws Error (failing the job, then an incident) when the headers are missing or not valid.
 */
export function deadlineWorker(options: HolidayOptions & { readonly now?: () => Date } = {}): JobHandler {
  const now = options.now ?? (() => new Date());
  return (job) => {
    const days = Number(job.customHeaders.workingDays);
    const variable = job.customHeaders.resultVariable;
    if (!Number.isInteger(days) || days < 0 || typeof variable !== 'string' || !/^[A-Za-z_]\w*$/.test(variable))
      throw new Error(
        `Expected the headers workingDays (a whole number) and resultVariable (a variable name) on ${job.elementId}, but got ${JSON.stringify(job.customHeaders)}`,
      );
    return { [variable]: athensDateTime(addWorkingDays(athensToday(now()), days, options)) };
  };
}
