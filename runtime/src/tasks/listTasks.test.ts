import { describe, expect, it } from 'vitest';
import { submitApplication } from '../applications/submitApplication.js';
import { testSubmissionDependencies } from '../applications/testSubmissionDependencies.js';
import type { ActivatedEngineJob } from '../engine/EngineClient.js';
import type { SessionUser } from '../identity/sessions.js';
import { loadDemoOrgChart } from '../orgchart/loadDemoOrgChart.js';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { claimTask } from './claimTask.js';
import { listTasks, type TaskQuery } from './listTasks.js';
import { upsertTaskFromJob } from './upsertTaskFromJob.js';

const DAY = 86_400_000;

describe('listTasks', () => {
  const fixture = useOrgChartDatabase();
  let jobs = 0;

  /** A user task arriving from the engine, as the user-task worker hands it over; answers the task id. */
  async function arrives(task: {
    groups?: string[];
    users?: string[];
    due?: Date;
    processId?: string;
    variables?: Record<string, unknown>;
  }): Promise<string> {
    jobs++;
    const job: ActivatedEngineJob = {
      key: String(100_000 + jobs),
      type: 'io.camunda.zeebe:userTask',
      processInstanceKey: String(200_000 + jobs),
      bpmnProcessId: task.processId ?? 'residence-certificate',
      processDefinitionVersion: 1,
      elementId: 'check',
      elementInstanceKey: String(300_000 + jobs),
      retries: 1,
      deadline: Date.now() + 60_000,
      variables: task.variables ?? {},
      customHeaders: {
        'io.camunda.zeebe:candidateGroups': JSON.stringify(task.groups ?? ['DD.DHM']),
        ...(task.users ? { 'io.camunda.zeebe:candidateUsers': JSON.stringify(task.users) } : {}),
        ...(task.due ? { 'io.camunda.zeebe:dueDate': task.due.toISOString() } : {}),
      },
    };
    expect(await upsertTaskFromJob(fixture.db.knex, job, 'Έλεγχος αίτησης')).toBe('created');
    const row = (await fixture.db.knex('task').where({ job_key: job.key }).first('id')) as { id: string };
    return row.id;
  }

  async function signedIn(username: string, actingFor: readonly string[] = []): Promise<SessionUser> {
    const user = (await fixture.db.knex('app_user').where({ username }).first()) as {
      id: string;
      display_name_el: string;
      display_name_en: string;
    };
    const roles = (await fixture.db.knex('user_role').where({ user_id: user.id }).select('role', 'org_unit_id')) as {
      role: SessionUser['roles'][number]['role'];
      org_unit_id: string | null;
    }[];
    return {
      id: user.id,
      username,
      displayNameEl: user.display_name_el,
      displayNameEn: user.display_name_en,
      kind: 'staff',
      roles: roles.map((r) => ({ role: r.role, orgUnitId: r.org_unit_id })),
      actingFor: await Promise.all(
        actingFor.map(async (name) => ({
          userId: ((await fixture.db.knex('app_user').where({ username: name }).first('id')) as { id: string }).id,
          username: name,
        })),
      ),
    };
  }

  /** The inbox; `few: 0` makes every filter that can start from its own index walk the user's keys instead. */
  const inbox = async (username: string, query: Partial<TaskQuery> = {}, options: { few?: number } = {}) =>
    listTasks(
      fixture.db.knex,
      await signedIn(username),
      { filter: 'units', status: 'active', sort: 'due', pageSize: 50, ...query },
      options,
    );
  const ids = (page: { tasks: readonly { id: string }[] }) => page.tasks.map((t) => t.id);
  const clearTasks = () => fixture.db.knex.raw('truncate task cascade');

  it('should page through a clerk’s unit and personal tasks by due date, none last, each task once', async () => {
    // given tasks of DD.DHM (one also offered to k.petrou by name), one of k.petrou alone, one of another unit
    await loadDemoOrgChart(fixture.db.knex);
    await clearTasks();
    const now = Date.now();
    const late = await arrives({ due: new Date(now + 9 * DAY) });
    const none = await arrives({});
    const soon = await arrives({ due: new Date(now + DAY), users: ['k.petrou'] });
    const personal = await arrives({ groups: [], users: ['k.petrou'], due: new Date(now + 3 * DAY) });
    const middle = await arrives({ due: new Date(now + 5 * DAY) });
    await arrives({ groups: ['DT.OD'], due: new Date(now) });
    // when k.petrou pages through them two at a time
    const first = await inbox('k.petrou', { pageSize: 2 });
    const second = await inbox('k.petrou', { pageSize: 2, cursor: first.nextCursor ?? undefined });
    const third = await inbox('k.petrou', { pageSize: 2, cursor: second.nextCursor ?? undefined });
    // then they come by due date, the one without a due date last, each once, and nothing of Road Works
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual([soon, personal, middle, late, none]);
    expect(third.nextCursor).toBeNull();
    // and a clerk of Road Works sees none of them
    expect(ids(await inbox('s.marinos'))).not.toContain(soon);
  });

  it('should find a citizen’s tasks by ΑΦΜ, from the form or from their account, and by the start of a name', async () => {
    // given tasks of two citizens, one of them from an application c.papanikolaou (ΑΦΜ 123456783) submitted
    await clearTasks();
    const citizen = (await fixture.db.knex('app_user').where({ username: 'c.papanikolaou' }).first('id')) as {
      id: string;
    };
    const submitted = await submitApplication(
      fixture.db.knex,
      { userId: citizen.id, sourceIp: undefined },
      {
        serviceId: 'residence-certificate',
        data: { fullName: 'Γιάννης Παπανικολάου' },
        idempotencyKey: 'list-tasks',
        citizenUserId: citizen.id,
      },
      testSubmissionDependencies(),
    );
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.error));
    const fromAccount = await arrives({
      variables: { applicationId: submitted.value.applicationId, firstName: 'Γιάννης', lastName: 'Παπανικολάου' },
    });
    const fromForm = await arrives({
      variables: { afm: '123456783', applicant: { displayName: 'Γιάννης Παπανικολάου' } },
    });
    const other = await arrives({ variables: { afm: '234567897', firstName: 'Μαρία', lastName: 'Παπαδοπούλου' } });
    // when k.petrou searches by ΑΦΜ and by names typed in every way, starting from the matches or from the units
    for (const few of [2_000, 0]) {
      const byTaxId = await inbox('k.petrou', { citizen: '123456783' }, { few });
      const bySurname = await inbox('k.petrou', { citizen: 'ΠΑΠΑΔΟΠΟΥΛΟΥ' }, { few });
      const byFirstName = await inbox('k.petrou', { citizen: 'μαρια παπ' }, { few });
      const byAccentedPrefix = await inbox('k.petrou', { citizen: 'Παπανικολ' }, { few });
      const byMiddleOfName = await inbox('k.petrou', { citizen: 'δοπουλ' }, { few });
      const outOfScope = await inbox('s.marinos', { citizen: '123456783' }, { few });
      // then
      expect(ids(byTaxId).sort()).toEqual([fromAccount, fromForm].sort());
      expect(ids(bySurname)).toEqual([other]);
      expect(ids(byFirstName)).toEqual([other]);
      expect(ids(byAccentedPrefix).sort()).toEqual([fromAccount, fromForm].sort());
      expect(ids(byMiddleOfName)).toEqual([]);
      expect(ids(outOfScope)).toEqual([]);
    }
  });

  it('should filter by protocol number, process, due date, overdue and variable values', async () => {
    // given
    await clearTasks();
    const now = Date.now();
    const overdue = await arrives({
      due: new Date(now - DAY),
      variables: { protocolNumber: 'ΕΙΣ-2026/000017', zone: 'Α', m2: 12, paid: true },
    });
    const permit = await arrives({
      processId: 'public-space-permit',
      due: new Date(now + 2 * DAY),
      variables: { protocolNumber: 'ΕΙΣ-2026/000018', zone: 'Β', m2: 120, paid: false },
    });
    const later = await arrives({ due: new Date(now + 20 * DAY), variables: { zone: 'Α', nested: { m2: 12 } } });
    // when / then
    expect(ids(await inbox('k.petrou', { protocolNumber: 'ΕΙΣ-2026/000018' }))).toEqual([permit]);
    expect(ids(await inbox('k.petrou', { protocolNumber: 'ΕΙΣ-2026/000018' }, { few: 0 }))).toEqual([permit]);
    expect(ids(await inbox('k.petrou', { protocolNumber: 'ΕΙΣ-2026/00001' }))).toEqual([]);
    expect(ids(await inbox('k.petrou', { processId: 'public-space-permit' }))).toEqual([permit]);
    expect(ids(await inbox('k.petrou', { overdue: true }))).toEqual([overdue]);
    expect(ids(await inbox('k.petrou', { dueBefore: new Date(now + 3 * DAY) }))).toEqual([overdue, permit]);
    expect(ids(await inbox('k.petrou', { variables: { zone: 'Α' } }))).toEqual([overdue, later]);
    expect(ids(await inbox('k.petrou', { variables: { zone: 'Α', m2: '12' } }))).toEqual([overdue]);
    expect(ids(await inbox('k.petrou', { variables: { paid: 'false' } }))).toEqual([permit]);
    expect(ids(await inbox('k.petrou', { variables: { missing: 'x' } }))).toEqual([]);
    // and filters combine with paging
    const first = await inbox('k.petrou', { variables: { zone: 'Α' }, pageSize: 1 });
    const next = await inbox('k.petrou', { variables: { zone: 'Α' }, pageSize: 1, cursor: first.nextCursor! });
    expect([...ids(first), ...ids(next)]).toEqual([overdue, later]);
  });

  it('should page through my tasks and those of the colleague I deputise for together, by due date', async () => {
    // given k.petrou holds two tasks and m.panagiotou, whom he deputises for, one between them
    await clearTasks();
    const now = Date.now();
    const [first, second, third] = [
      await arrives({ due: new Date(now + DAY) }),
      await arrives({ due: new Date(now + 2 * DAY) }),
      await arrives({ due: new Date(now + 3 * DAY) }),
    ];
    await arrives({ due: new Date(now) });
    const petrou = await signedIn('k.petrou');
    const actor = { userId: petrou.id, sourceIp: undefined };
    expect(await claimTask(fixture.db.knex, actor, petrou, first)).toMatchObject({ ok: true });
    expect(await claimTask(fixture.db.knex, actor, petrou, third)).toMatchObject({ ok: true });
    const panagiotou = await signedIn('m.panagiotou');
    const claimed = await claimTask(
      fixture.db.knex,
      { userId: panagiotou.id, sourceIp: undefined },
      panagiotou,
      second,
    );
    expect(claimed).toMatchObject({ ok: true });
    // when he pages through his tasks two at a time, as himself and as deputy
    const mine = { filter: 'mine' as const, pageSize: 2 };
    const own = await inbox('k.petrou', mine);
    const deputy = await signedIn('k.petrou', ['m.panagiotou']);
    const page = (cursor?: string) =>
      listTasks(fixture.db.knex, deputy, { status: 'active', sort: 'due', ...mine, cursor });
    const one = await page();
    const two = await page(one.nextCursor ?? undefined);
    // then
    expect(ids(own)).toEqual([first, third]);
    expect([...ids(one), ...ids(two)]).toEqual([first, second, third]);
    expect(two.nextCursor).toBeNull();
  });

  it('should refuse a variable name that is not one, before it reaches the database', async () => {
    await expect(inbox('k.petrou', { variables: { 'zone; drop table task': 'x' } })).rejects.toThrow(
      'Expected a variable name',
    );
  });
});
