import { athensDateTime } from '../calendar/athensTime.js';
import type { HolidayOptions } from '../calendar/greekPublicHolidays.js';
import type { IsoDate } from '../calendar/isoDate.js';
import { addWorkingDays } from '../calendar/workingDays.js';
import type { ServiceDefinition } from './serviceDefinitionSchema.js';

/**
 * The `dueDate` variable to start a procedure's instance with: its expected duration in working days from the
 * filing date (per submitted value when the service sets one), as the end of office hours in Athens, the form
 * the models' timers and user task due dates read (`2026-04-17T15:00:00+03:00`).
 */
export function dueDateOf(
  service: Pick<ServiceDefinition, 'expectedDuration'>,
  variables: Readonly<Record<string, unknown>>,
  filedOn: IsoDate,
  options: HolidayOptions = {},
): string {
  const { workingDays, byVariable } = service.expectedDuration;
  const value = byVariable ? variables[byVariable.variable] : undefined;
  const days = (typeof value === 'string' ? byVariable?.workingDays[value] : undefined) ?? workingDays;
  return athensDateTime(addWorkingDays(filedOn, days, options));
}
