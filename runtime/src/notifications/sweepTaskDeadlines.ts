import type { Knex } from 'knex';
import { formatAthensDateTime } from '../applications/formatAthensDateTime.js';
import { athensDateTime } from '../calendar/athensTime.js';
import type { HolidayOptions } from '../calendar/greekPublicHolidays.js';
import { plusDays } from '../calendar/isoDate.js';
import { addWorkingDays } from '../calendar/workingDays.js';
import { systemActor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { athensToday } from '../orgchart/athensToday.js';
import { headsOfUnits } from './headsOfUnits.js';
import { notify } from './notify.js';

/** How one sweep went: tasks whose assignee was reminded, and overdue tasks escalated. */
export interface SweepOutcome {
  readonly reminded: number;
  readonly escalated: number;
}

interface DueTask {
  id: string;
  assignee_user_id: string | null;
  element_id: string;
  element_name: string | null;
  protocol_number: string | null;
  application_id: string | null;
  candidate_groups: string[];
  due_date: Date | string;
}

const COLUMNS = [
  'id',
  'assignee_user_id',
  'element_id',
  'element_name',
  'protocol_number',
  'application_id',
  'candidate_groups',
  'due_date',
];

/** The instant the next working day after today (in Athens) ends: tasks due before it are due soon. */
export function endOfNextWorkingDay(now: Date, options: HolidayOptions = {}): Date {
  return new Date(athensDateTime(plusDays(addWorkingDays(athensToday(now), 1, options), 1), '00:00'));
}

/**
 * One pass of the task deadline sweeper, in two transactions: reminds the assignee of each open task due by the end
 * of the next working day (an unclaimed task reminds nobody, and is reminded once claimed), and tells the heads of
 * the candidate units (and their deputies today) about each overdue task. Each task is reminded once and escalated
 * once (`reminded_at`, `escalated_at`, with an audit entry), its rows locked `for update skip locked` so that two
 * runtime processes never both take it.
 */
export async function sweepTaskDeadlines(
  knex: Knex,
  {
    now = new Date(),
    batchSize = 100,
    holidays = {},
  }: { now?: Date; batchSize?: number; holidays?: HolidayOptions } = {},
): Promise<SweepOutcome> {
  const reminded = await knex.transaction(async (trx) => {
    const tasks = (await trx('task')
      .whereIn('status', ['open', 'claimed'])
      .whereNotNull('assignee_user_id')
      .whereNull('reminded_at')
      .whereNull('escalated_at')
      .where('due_date', '>', now)
      .where('due_date', '<', endOfNextWorkingDay(now, holidays))
      .orderBy('due_date')
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .select(COLUMNS)) as DueTask[];
    for (const task of tasks) {
      const due = formatAthensDateTime(new Date(task.due_date));
      await notify(trx, {
        recipientUserId: task.assignee_user_id!,
        template: 'task-due-soon',
        params: {
          taskName: task.element_name ?? task.element_id,
          protocolNumber: task.protocol_number ?? '',
          dueDate: due,
        },
        applicationId: task.application_id,
        taskId: task.id,
        sourceKey: `task-due-soon:${task.id}`,
      });
      await trx('task').where({ id: task.id }).update({ reminded_at: now });
      await appendAudit(trx, systemActor, {
        action: 'task.reminded',
        objectType: 'task',
        objectId: task.id,
        details: { assigneeUserId: task.assignee_user_id, dueDate: new Date(task.due_date).toISOString() },
      });
    }
    return tasks.length;
  });
  const escalated = await knex.transaction(async (trx) => {
    const tasks = (await trx('task')
      .whereIn('status', ['open', 'claimed'])
      .whereNull('escalated_at')
      .where('due_date', '<=', now)
      .orderBy('due_date')
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .select(COLUMNS)) as DueTask[];
    for (const task of tasks) {
      const recipients = await headsOfUnits(trx, task.candidate_groups, athensToday(now));
      const due = formatAthensDateTime(new Date(task.due_date));
      for (const recipient of recipients)
        await notify(trx, {
          recipientUserId: recipient.userId,
          template: 'task-overdue',
          params: {
            taskName: task.element_name ?? task.element_id,
            protocolNumber: task.protocol_number ?? '',
            unitName: recipient.unitName,
            dueDate: due,
          },
          applicationId: task.application_id,
          taskId: task.id,
          sourceKey: `task-overdue:${task.id}`,
        });
      await trx('task').where({ id: task.id }).update({ escalated_at: now });
      await appendAudit(trx, systemActor, {
        action: 'task.escalated',
        objectType: 'task',
        objectId: task.id,
        details: {
          dueDate: new Date(task.due_date).toISOString(),
          units: task.candidate_groups,
          recipients: recipients.map((r) => r.username),
        },
      });
    }
    return tasks.length;
  });
  return { reminded, escalated };
}
