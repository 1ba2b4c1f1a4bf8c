import { describe, expect, it } from 'vitest';
import { systemActor } from '../../orgchart/Actor.js';
import { athensToday } from '../../orgchart/athensToday.js';
import { setDeputy } from '../../orgchart/setDeputy.js';
import { waitFor } from '../../procedures/useProcedureEngine.js';
import { upsertTaskFromJob } from '../../tasks/upsertTaskFromJob.js';
import { useTaskEngine } from './useTaskEngine.js';

describe('the task routes over the embedded engine', () => {
  const { app, client, serviceJobs, applyForCertificate } = useTaskEngine({
    worker: { leaseMs: 3_000, renewBeforeMs: 2_000, sweepIntervalMs: 250 },
  });

  it('should keep one task per user task and show it only to the clerks of its unit', async () => {
    // given a residence certificate application whose check goes to the Municipal Registry (DD.DHM)
    const { processInstanceKey, taskId } = await applyForCertificate();
    const petrou = await app.as('clerk');
    const marinos = await app.asUser('s.marinos');
    // when a clerk of DD.DHM and one of Road Works (DT.OD) look
    const inbox = await petrou.request('GET', '/api/v1/tasks');
    const other = await marinos.request('GET', '/api/v1/tasks');
    const detail = await petrou.request('GET', `/api/v1/tasks/${taskId}`);
    const hidden = await marinos.request('GET', `/api/v1/tasks/${taskId}`);
    const claimHidden = await marinos.request('POST', `/api/v1/tasks/${taskId}/claim`);
    // then there is one task, the registry clerk sees it with its form, the other sees nothing of it
    expect(await app.db.knex('task').where({ process_instance_key: processInstanceKey })).toHaveLength(1);
    expect(inbox.status).toBe(200);
    expect(inbox.json.tasks.map((t: { id: string }) => t.id)).toContain(taskId);
    expect(inbox.json.tasks.find((t: { id: string }) => t.id === taskId)).toMatchObject({
      name: 'Έλεγχος αίτησης',
      status: 'open',
      processId: 'residence-certificate',
      formId: 'residence-certificate-check',
      candidateGroups: ['DD.DHM'],
      protocolNumber: expect.stringMatching(/^ΕΙΣ-2026/),
      citizenName: 'Μαρία Παπαδοπούλου',
      dueDate: '2099-01-09T13:00:00.000Z',
    });
    expect(detail.json).toMatchObject({
      task: { id: taskId, variables: expect.objectContaining({ protocolNumber: expect.any(String) }) },
      form: { formId: 'residence-certificate-check', version: 1 },
    });
    expect(other.json.tasks).toEqual([]);
    expect(hidden.status).toBe(404);
    expect(hidden.json.error.id).toBe('task_not_found');
    expect(claimHidden.status).toBe(404);
  });

  it('should show a deputy the tasks of the colleague they act for, and audit that they acted for them', async () => {
    // given l.vlachos (street lighting) deputises today for m.panagiotou of the registry
    const { taskId } = await applyForCertificate();
    const today = athensToday();
    const deputised = await setDeputy(app.db.knex, systemActor, {
      absentUserId: await app.userId('m.panagiotou'),
      deputyUserId: await app.userId('l.vlachos'),
      fromDate: today,
      toDate: today,
      reason: 'Κανονική άδεια',
    });
    expect(deputised).toMatchObject({ ok: true });
    const deputy = await app.asUser('l.vlachos');
    // when the deputy looks and claims the task
    const inbox = await deputy.request('GET', '/api/v1/tasks?pageSize=100');
    const claimed = await deputy.request('POST', `/api/v1/tasks/${taskId}/claim`);
    // then
    expect(inbox.json.tasks.map((t: { id: string }) => t.id)).toContain(taskId);
    expect(claimed.status).toBe(200);
    expect(claimed.json.task).toMatchObject({ status: 'claimed', assignee: { username: 'l.vlachos' } });
    const audit = await app.db.knex('audit_entry').where({ object_id: taskId, action: 'task.claimed' }).first();
    expect(audit).toMatchObject({
      actor_user_id: await app.userId('l.vlachos'),
      acting_for_user_id: await app.userId('m.panagiotou'),
    });
  });

  it('should move the process on when a clerk claims and completes the task', async () => {
    // given
    const { processInstanceKey, taskId } = await applyForCertificate();
    const clerk = await app.as('clerk');
    // when
    const claimed = await clerk.request('POST', `/api/v1/tasks/${taskId}/claim`);
    const mine = await clerk.request('GET', '/api/v1/tasks?filter=mine');
    const completed = await clerk.request('POST', `/api/v1/tasks/${taskId}/complete`, {
      data: { decision: 'approve', certifiedYears: '2025', infoRequest: 'hidden, so dropped' },
    });
    // then the certificate is issued: the next job (the document) appears with the clerk's decision
    expect(claimed.json.task).toMatchObject({ status: 'claimed', assignee: { username: 'k.petrou' } });
    expect(mine.json.tasks.map((t: { id: string }) => t.id)).toContain(taskId);
    expect(completed.status).toBe(200);
    expect(completed.json.task).toMatchObject({ status: 'completed', completedBy: { username: 'k.petrou' } });
    const issue = await waitFor(() =>
      serviceJobs.find((j) => j.processInstanceKey === processInstanceKey && j.elementId === 'issue'),
    );
    expect(issue.variables).toMatchObject({ decision: 'approve', certifiedYears: '2025' });
    expect(issue.variables.infoRequest).toBeUndefined();
    const after = await clerk.request('GET', '/api/v1/tasks?filter=mine');
    expect(after.json.tasks.map((t: { id: string }) => t.id)).not.toContain(taskId);
  });

  it('should let exactly one of two clerks completing at once through, and name the winner to the other', async () => {
    // given an open task and two clerks of DD.DHM
    const { taskId } = await applyForCertificate();
    const petrou = await app.as('clerk');
    const panagiotou = await app.asUser('m.panagiotou');
    const data = { decision: 'reject', rejectionReason: 'Η διεύθυνση δεν ανήκει στον Δήμο' };
    // when both complete at the same moment
    const answers = await Promise.all([
      petrou.request('POST', `/api/v1/tasks/${taskId}/complete`, { data }),
      panagiotou.request('POST', `/api/v1/tasks/${taskId}/complete`, { data }),
    ]);
    // then one wins and the other learns who
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!.json.task.completedBy.username as string;
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.json.error).toMatchObject({ id: 'task_already_completed', by: { username: winner } });
    expect(loser.json.error.message).toContain(loser.json.error.by.displayNameEl);
    expect(await app.db.knex('audit_entry').where({ object_id: taskId, action: 'task.completed' })).toHaveLength(1);
    // and a later attempt by the head of unit is refused the same way, and the task shows who completed it
    const late = await (await app.as('headOfUnit')).request('POST', `/api/v1/tasks/${taskId}/complete`, { data });
    expect(late.status).toBe(409);
    expect(late.json.error).toMatchObject({ id: 'task_already_completed', by: { username: winner } });
    const view = await panagiotou.request('GET', `/api/v1/tasks/${taskId}`);
    expect(view.json.task).toMatchObject({ status: 'completed', completedBy: { username: winner } });
  });

  it('should refuse invalid form data with the fields to correct, and change nothing', async () => {
    // given
    const { taskId } = await applyForCertificate();
    const clerk = await app.as('clerk');
    const auditBefore = await app.db.knex('audit_entry').where({ object_id: taskId }).count('* as n');
    // when the decision is approve but the certified years are missing
    const refused = await clerk.request('POST', `/api/v1/tasks/${taskId}/complete`, { data: { decision: 'approve' } });
    // then
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({
      id: 'task_data_invalid',
      field: 'body.data.certifiedYears',
      problems: [expect.objectContaining({ field: 'body.data.certifiedYears', key: 'certifiedYears' })],
    });
    expect(await app.db.knex('task').where({ id: taskId }).first('status', 'assignee_user_id')).toEqual({
      status: 'open',
      assignee_user_id: null,
    });
    expect(await app.db.knex('task_completion').where({ task_id: taskId })).toEqual([]);
    expect(await app.db.knex('audit_entry').where({ object_id: taskId }).count('* as n')).toEqual(auditBefore);
  });

  it('should keep the job alive while the task is open, and map a re-activation to the same task', async () => {
    // given a task whose job was activated with a 3 s lease, renewed when less than 2 s is left
    const { taskId } = await applyForCertificate();
    const first = (await app.db.knex('task_lease').where({ task_id: taskId }).first()) as { expires_at: Date };
    // when more than the lease passes
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    // then the lease was extended, the job never went back to the engine, and there is still one task
    const later = (await app.db.knex('task_lease').where({ task_id: taskId }).first()) as {
      expires_at: Date;
      job_key: string;
    };
    expect(new Date(later.expires_at).getTime()).toBeGreaterThan(new Date(first.expires_at).getTime());
    expect(await app.db.knex('audit_entry').where({ object_id: taskId, action: 'task.reactivated' })).toEqual([]);
    // and when the same job is delivered again (a timeout and re-activation), it updates the same task
    const row = (await app.db.knex('task').where({ id: taskId }).first()) as Record<string, unknown>;
    const again = await upsertTaskFromJob(
      app.db.knex,
      {
        key: String(row.job_key),
        type: 'io.camunda.zeebe:userTask',
        processInstanceKey: String(row.process_instance_key),
        bpmnProcessId: 'residence-certificate',
        processDefinitionVersion: 1,
        elementId: 'check',
        elementInstanceKey: String(row.element_instance_key),
        retries: 1,
        deadline: Date.now() + 60_000,
        variables: {},
        customHeaders: { 'io.camunda.zeebe:candidateGroups': '["DD.DHM"]' },
      },
      undefined,
    );
    expect(again).toBe('renewed');
    expect(await app.db.knex('task').where({ element_instance_key: String(row.element_instance_key) })).toHaveLength(1);
  }, 15_000);

  it('should answer task_not_active when the task’s process was cancelled meanwhile', async () => {
    // given a task whose instance is cancelled
    const { processInstanceKey, taskId } = await applyForCertificate();
    expect(await client.cancelProcessInstance(processInstanceKey)).toEqual({
      ok: true,
      value: undefined,
    });
    const clerk = await app.as('clerk');
    // when the clerk completes it
    const refused = await clerk.request('POST', `/api/v1/tasks/${taskId}/complete`, {
      data: { decision: 'approve', certifiedYears: '2025' },
    });
    // then
    expect(refused.status).toBe(409);
    expect(refused.json.error.id).toBe('task_not_active');
    expect(await app.db.knex('task').where({ id: taskId }).first('status')).toEqual({ status: 'cancelled' });
  });
});
