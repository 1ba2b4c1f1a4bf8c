import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivatedEngineJob } from '../engine/EngineClient.js';
import { loadDemoOrgChart } from '../orgchart/loadDemoOrgChart.js';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { upsertTaskFromJob } from '../tasks/upsertTaskFromJob.js';
import { listNotifications } from './listNotifications.js';
import { renderNotification } from './renderNotification.js';
import { endOfNextWorkingDay, sweepTaskDeadlines } from './sweepTaskDeadlines.js';

/** Thursday 26 November 2026, 10:00 in Athens: the next working day is Friday the 27th. */
const NOW = new Date('2026-11-26T08:00:00Z');
const HOUR = 3600_000;

let jobs = 0;
/** A user task job of the Municipal Registry, as the user-task worker receives it. */
function userTaskJob(headers: Record<string, string>): ActivatedEngineJob {
  jobs++;
  return {
    key: String(2251799813700000 + jobs),
    type: 'io.camunda.zeebe:userTask',
    processInstanceKey: String(2251799813710000 + jobs),
    bpmnProcessId: 'residence-certificate',
    processDefinitionVersion: 1,
    elementId: 'check',
    elementInstanceKey: String(2251799813720000 + jobs),
    retries: 3,
    deadline: NOW.getTime() + 10 * 60_000,
    variables: { protocolNumber: `ΕΙΣ-2026/00010${jobs}` },
    customHeaders: { 'io.camunda.zeebe:candidateGroups': '["DD.DHM"]', ...headers },
  };
}

describe('the task deadline sweeper', () => {
  const fixture = useOrgChartDatabase();
  const userId = async (username: string) =>
    ((await fixture.db.knex('app_user').where({ username }).first('id')) as { id: string }).id;
  const inbox = async (username: string) =>
    (await listNotifications(fixture.db.knex, await userId(username), { order: 'newest', limit: 100, offset: 0 }))
      .notifications;

  beforeAll(async () => {
    await loadDemoOrgChart(fixture.db.knex);
  });

  it('should count the next working day in the Athens calendar', () => {
    expect(endOfNextWorkingDay(NOW).toISOString()).toBe('2026-11-27T22:00:00.000Z');
    // Friday's next working day is Monday
    expect(endOfNextWorkingDay(new Date('2026-11-27T08:00:00Z')).toISOString()).toBe('2026-11-30T22:00:00.000Z');
  });

  it('should remind the assignee of a task due by the next working day once, and nobody of an unclaimed one', async () => {
    // given a claimed task due tomorrow, an unclaimed one due tomorrow, and a claimed one due next week
    const knex = fixture.db.knex;
    await upsertTaskFromJob(
      knex,
      userTaskJob({ 'io.camunda.zeebe:assignee': 'k.petrou', 'io.camunda.zeebe:dueDate': '2026-11-27T15:00:00+02:00' }),
      'Έλεγχος αίτησης',
    );
    await upsertTaskFromJob(knex, userTaskJob({ 'io.camunda.zeebe:dueDate': '2026-11-27T15:00:00+02:00' }), 'Έλεγχος');
    await upsertTaskFromJob(
      knex,
      userTaskJob({ 'io.camunda.zeebe:assignee': 'k.petrou', 'io.camunda.zeebe:dueDate': '2026-12-03T15:00:00+02:00' }),
      'Έλεγχος',
    );
    // when the sweeper runs twice, and once more at the same time from a second runtime
    const first = await sweepTaskDeadlines(knex, { now: NOW });
    const [second, third] = await Promise.all([
      sweepTaskDeadlines(knex, { now: new Date(NOW.getTime() + 60_000) }),
      sweepTaskDeadlines(knex, { now: new Date(NOW.getTime() + 60_000) }),
    ]);
    // then the assignee was reminded of the one task due tomorrow, once
    expect(first).toEqual({ reminded: 1, escalated: 0 });
    expect(second.reminded + third.reminded).toBe(0);
    const reminders = (await inbox('k.petrou')).filter((n) => n.template === 'task-due-soon');
    expect(reminders).toHaveLength(1);
    expect(renderNotification('task-due-soon', reminders[0]!.params, 'en').body).toBe(
      'The task “Έλεγχος αίτησης” (ΕΙΣ-2026/000101) you have taken is due 27-11-2026 15:00.',
    );
    expect(await knex('audit_entry').where({ action: 'task.reminded' })).toHaveLength(1);
  });

  it('should tell the head of the task’s unit once when a task is overdue', async () => {
    // given a task of the Municipal Registry, an hour after its due date
    const knex = fixture.db.knex;
    const due = new Date(NOW.getTime() + 2 * HOUR);
    await upsertTaskFromJob(knex, userTaskJob({ 'io.camunda.zeebe:dueDate': due.toISOString() }), 'Έλεγχος αίτησης');
    const later = new Date(due.getTime() + HOUR);
    // when the sweeper runs, and again
    const first = await sweepTaskDeadlines(knex, { now: later });
    const second = await sweepTaskDeadlines(knex, { now: new Date(later.getTime() + 60_000) });
    // then the head of the Registry (d.alexiou) was told once; the tasks due tomorrow are not overdue
    expect(first).toEqual({ reminded: 0, escalated: 1 });
    expect(second).toEqual({ reminded: 0, escalated: 0 });
    const told = (await inbox('d.alexiou')).filter((n) => n.template === 'task-overdue');
    expect(told).toHaveLength(1);
    expect(renderNotification('task-overdue', told[0]!.params, 'el').title).toBe('Εκπρόθεσμη εργασία: Έλεγχος αίτησης');
    expect(await knex('task').whereNull('escalated_at').where('due_date', '<=', later)).toEqual([]);
  });
});
