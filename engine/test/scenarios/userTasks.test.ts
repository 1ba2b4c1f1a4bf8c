import { describe, expect, it } from 'vitest';
import { ok, useScenario } from './harness.js';
import { activate, linear, start } from './helpers.js';

const USER_TASK_JOB = 'io.camunda.zeebe:userTask';

/** A user task with assignment and schedule attributes (undefined attributes are left out). */
function userTask(
  id: string,
  attributes: {
    zeebeUserTask?: boolean;
    formKey?: string;
    assignee?: string;
    candidateGroups?: string;
    candidateUsers?: string;
    dueDate?: string;
    followUpDate?: string;
  },
  headers = '',
): string {
  const attr = (name: string, value: string | undefined) =>
    value === undefined ? '' : ` ${name}="${value.replace(/"/g, '&quot;')}"`;
  return `<bpmn:userTask id="${id}"><bpmn:extensionElements>
    ${attributes.zeebeUserTask ? '<zeebe:userTask />' : ''}
    ${attributes.formKey ? `<zeebe:formDefinition formKey="${attributes.formKey}" />` : ''}
    <zeebe:assignmentDefinition${attr('assignee', attributes.assignee)}${attr('candidateGroups', attributes.candidateGroups)}${attr('candidateUsers', attributes.candidateUsers)} />
    <zeebe:taskSchedule${attr('dueDate', attributes.dueDate)}${attr('followUpDate', attributes.followUpDate)} />
    ${headers}
  </bpmn:extensionElements></bpmn:userTask>`;
}

/** Deploys a process with one user task, starts it and activates the user task job. */
async function userTaskJob(
  s: ReturnType<typeof useScenario>,
  processId: string,
  attributes: Parameters<typeof userTask>[1],
  variables: Record<string, unknown> = {},
  headers = '',
) {
  await s.deploy(linear(processId, [userTask('review', attributes, headers)]));
  const pi = await start(s, processId, variables);
  const jobs = await activate(s, USER_TASK_JOB);
  return { pi, jobs: jobs.filter((j) => j.processInstanceKey === pi) };
}

describe('user tasks', () => {
  const s = useScenario();

  it('should create a job of type io.camunda.zeebe:userTask with the form key and static assignment headers', async () => {
    // given / when
    const { pi, jobs } = await userTaskJob(s, 'static', {
      formKey: 'camunda-forms:bpmn:permit',
      assignee: 'alice',
      candidateGroups: 'clerks, managers',
      candidateUsers: 'bob,carol',
    });
    // then
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.type).toBe(USER_TASK_JOB);
    expect(jobs[0]!.customHeaders).toEqual({
      'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:permit',
      'io.camunda.zeebe:assignee': 'alice',
      'io.camunda.zeebe:candidateGroups': '["clerks","managers"]',
      'io.camunda.zeebe:candidateUsers': '["bob","carol"]',
    });
    // and completing the job completes the task
    ok(await s.engine.completeJob({ jobKey: jobs[0]!.key, variables: { approved: true } }));
    expect(await s.state(pi)).toBe('COMPLETED');
    expect(await s.variablesOf(pi)).toEqual({ approved: true });
  });

  it('should evaluate FEEL assignee, candidate groups and candidate users', async () => {
    // given / when
    const { jobs } = await userTaskJob(
      s,
      'feel',
      {
        assignee: '= owner',
        candidateGroups: '= [department, "audit"]',
        candidateUsers: '= reviewers',
      },
      { owner: 'dora', department: 'permits', reviewers: ['eve', 'frank'] },
    );
    // then
    expect(jobs[0]!.customHeaders).toMatchObject({
      'io.camunda.zeebe:assignee': 'dora',
      'io.camunda.zeebe:candidateGroups': '["permits","audit"]',
      'io.camunda.zeebe:candidateUsers': '["eve","frank"]',
    });
  });

  it('should evaluate the due date and follow-up date as FEEL and pass them as ISO date-times', async () => {
    // given / when
    const { jobs } = await userTaskJob(
      s,
      'dates',
      {
        dueDate: '= now() + duration("P3D")',
        followUpDate: '= date and time("2026-02-01T09:00:00Z")',
      },
      {},
    );
    // then
    const headers = jobs[0]!.customHeaders;
    expect(Date.parse(headers['io.camunda.zeebe:dueDate']!)).toBe(s.clock.now() + 3 * 24 * 3600_000);
    expect(Date.parse(headers['io.camunda.zeebe:followUpDate']!)).toBe(Date.parse('2026-02-01T09:00:00Z'));
  });

  it('should pass a static due date as it is written', async () => {
    // given / when
    const { jobs } = await userTaskJob(s, 'staticdate', { dueDate: '2026-03-01T12:00:00Z' });
    // then
    expect(jobs[0]!.customHeaders['io.camunda.zeebe:dueDate']).toBe('2026-03-01T12:00:00Z');
    expect(jobs[0]!.customHeaders).not.toHaveProperty('io.camunda.zeebe:followUpDate');
  });

  it('should create the same job for a Camunda user task (zeebe:userTask)', async () => {
    // given / when
    const { pi, jobs } = await userTaskJob(s, 'camunda', {
      zeebeUserTask: true,
      formKey: 'permit-form',
      assignee: '= "gina"',
      candidateGroups: '= ["x", "y"]',
    });
    // then
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.type).toBe(USER_TASK_JOB);
    expect(jobs[0]!.customHeaders).toMatchObject({
      'io.camunda.zeebe:formKey': 'permit-form',
      'io.camunda.zeebe:assignee': 'gina',
      'io.camunda.zeebe:candidateGroups': '["x","y"]',
    });
    ok(await s.engine.completeJob({ jobKey: jobs[0]!.key }));
    expect(await s.state(pi)).toBe('COMPLETED');
  });

  it('should keep custom task headers beside the user task headers', async () => {
    // given / when
    const { jobs } = await userTaskJob(
      s,
      'headers',
      { assignee: 'hal' },
      {},
      '<zeebe:taskHeaders><zeebe:header key="department" value="building" /></zeebe:taskHeaders>',
    );
    // then
    expect(jobs[0]!.customHeaders).toEqual({ department: 'building', 'io.camunda.zeebe:assignee': 'hal' });
  });

  it('should raise an EXTRACT_VALUE_ERROR incident when FEEL candidate groups are not a list, and go on once fixed', async () => {
    // given a process whose candidate groups expression gives a string
    await s.deploy(linear('notalist', [userTask('review', { candidateGroups: '= groups' })]));
    const pi = await start(s, 'notalist', { groups: 'clerks' });
    // then
    const [incident] = await s.incidents(pi);
    expect(incident?.value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'review' });
    expect(String(incident?.value.errorMessage)).toContain('groups');
    expect((await activate(s, USER_TASK_JOB)).filter((j) => j.processInstanceKey === pi)).toEqual([]);
    // when the data is fixed and the incident resolved
    ok(await s.engine.setVariables({ elementInstanceKey: pi, variables: { groups: ['clerks'] } }));
    ok(await s.engine.resolveIncident({ incidentKey: incident!.key }));
    // then the job is created
    const jobs = (await activate(s, USER_TASK_JOB)).filter((j) => j.processInstanceKey === pi);
    expect(jobs[0]?.customHeaders['io.camunda.zeebe:candidateGroups']).toBe('["clerks"]');
  });

  it('should leave out assignment headers that a FEEL expression sets to null', async () => {
    // given / when
    const { jobs } = await userTaskJob(s, 'nullassignee', { assignee: '= owner' }, {});
    // then
    expect(jobs[0]!.customHeaders).toEqual({});
  });
});
