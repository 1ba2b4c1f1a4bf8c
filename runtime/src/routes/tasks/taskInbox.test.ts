import { describe, expect, it } from 'vitest';
import { systemActor } from '../../orgchart/Actor.js';
import { athensToday } from '../../orgchart/athensToday.js';
import { setDeputy } from '../../orgchart/setDeputy.js';
import { useTaskEngine } from './useTaskEngine.js';

type Result = { taskId: string; ok: boolean; task?: { status: string }; error?: { id: string } };

// Generous: each test waits for the engine and the worker, on a machine other test files keep busy.
describe('the task view, bulk commands, history and deputies’ audit', { timeout: 90_000 }, () => {
  const { app, applyForCertificate, submitCertificate } = useTaskEngine();

  it('should show the application a task serves, with the citizen’s text as plain JSON text', async () => {
    // given a citizen's application whose name field holds markup, with a document
    const fullName = '<script>alert("x")</script> Ελένη Παπανικολάου';
    const uploaded = await (
      await app.as('citizen')
    ).request('POST', '/api/v1/attachments', Buffer.from('%PDF-1.7\n%%EOF\n'), {
      'content-type': 'application/pdf',
      'x-filename': encodeURIComponent('Λογαριασμός.pdf'),
    });
    const documentId = uploaded.json.attachmentId as string;
    const { applicationId, protocolNumber, taskId } = await submitCertificate(fullName, [documentId]);
    // when a registry clerk opens the task
    const view = await (await app.as('clerk')).request('GET', `/api/v1/tasks/${taskId}`);
    // then the application's summary comes with it, its texts exactly as typed
    expect(view.status).toBe(200);
    expect(view.headers.get('content-type')).toMatch(/^application\/json/);
    expect(view.json.application).toMatchObject({
      id: applicationId,
      protocolNumber,
      serviceId: 'residence-certificate',
      serviceTitleEl: 'Βεβαίωση μόνιμης κατοικίας',
      citizenName: expect.any(String),
      submittedAt: expect.any(String),
      data: { fullName },
    });
    expect(view.json.task).toMatchObject({ applicationId, protocolNumber });
    expect(view.json).toMatchObject({ comments: [], draft: null });
    expect(view.json.attachments).toEqual([
      expect.objectContaining({ attachmentId: documentId, originalName: 'Λογαριασμός.pdf', source: 'application' }),
    ]);
  });

  it('should claim many tasks at once, each on its own, naming who holds those it could not take', async () => {
    // given two open tasks and one m.panagiotou has taken
    const [first, second, taken] = [
      await applyForCertificate(),
      await applyForCertificate(),
      await applyForCertificate(),
    ];
    expect(
      (await (await app.asUser('m.panagiotou')).request('POST', `/api/v1/tasks/${taken.taskId}/claim`)).status,
    ).toBe(200);
    const petrou = await app.as('clerk');
    // when k.petrou claims all three, and sends too many or repeated ids
    const bulk = await petrou.request('POST', '/api/v1/tasks/bulk/claim', {
      taskIds: [first.taskId, taken.taskId, second.taskId],
    });
    const tooMany = await petrou.request('POST', '/api/v1/tasks/bulk/claim', {
      taskIds: Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    });
    const repeated = await petrou.request('POST', '/api/v1/tasks/bulk/claim', {
      taskIds: [first.taskId, first.taskId],
    });
    // then the open ones are theirs, the taken one is refused with its holder, in the order given
    expect(bulk.status).toBe(200);
    const results = bulk.json.results as Result[];
    expect(results.map((r) => [r.taskId, r.ok])).toEqual([
      [first.taskId, true],
      [taken.taskId, false],
      [second.taskId, true],
    ]);
    expect(results[0]!.task).toMatchObject({ status: 'claimed', assignee: { username: 'k.petrou' } });
    expect(results[1]!.error).toMatchObject({ id: 'task_already_claimed', by: { username: 'm.panagiotou' } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.field).toBe('body.taskIds');
    expect(repeated.status).toBe(400);
  });

  it('should let a head of unit assign many tasks, and refuse a clerk task by task', async () => {
    // given two open tasks
    const [first, second] = [await applyForCertificate(), await applyForCertificate()];
    const panagiotouId = await app.userId('m.panagiotou');
    // when a clerk and then the head of unit assign both to m.panagiotou
    const byClerk = await (
      await app.as('clerk')
    ).request('POST', '/api/v1/tasks/bulk/assign', {
      taskIds: [first.taskId, second.taskId],
      userId: panagiotouId,
    });
    const byHead = await (
      await app.as('headOfUnit')
    ).request('POST', '/api/v1/tasks/bulk/assign', {
      taskIds: [first.taskId, second.taskId],
      userId: panagiotouId,
    });
    // then
    expect((byClerk.json.results as Result[]).map((r) => r.error?.id)).toEqual([
      'task_assign_forbidden',
      'task_assign_forbidden',
    ]);
    expect((byHead.json.results as Result[]).map((r) => r.ok)).toEqual([true, true]);
    expect(await app.db.knex('task').whereIn('id', [first.taskId, second.taskId]).pluck('assignee_user_id')).toEqual([
      panagiotouId,
      panagiotouId,
    ]);
  });

  it('should give the instance’s diagram, where it stands and its timeline, with who completed the user task', async () => {
    // given a task waiting in the registry
    const { taskId } = await applyForCertificate();
    const petrou = await app.as('clerk');
    // when the clerk looks at its history, completes it, and looks again
    const waiting = await petrou.request('GET', `/api/v1/tasks/${taskId}/history`);
    await petrou.request('POST', `/api/v1/tasks/${taskId}/complete`, {
      data: { decision: 'approve', certifiedYears: '2025' },
    });
    const done = await petrou.request('GET', `/api/v1/tasks/${taskId}/history`);
    const outsider = await (await app.asUser('s.marinos')).request('GET', `/api/v1/tasks/${taskId}/history`);
    // then the first shows the check active after the start event, with the BPMN to draw
    expect(waiting.status).toBe(200);
    expect(waiting.json).toMatchObject({
      processId: 'residence-certificate',
      processDefinitionKey: expect.stringMatching(/^\d+$/),
      activeElementIds: ['check'],
    });
    expect(waiting.json.bpmnXml).toContain('<bpmn:userTask id="check"');
    expect(waiting.json.completedElementIds).toContain('submitted');
    expect(waiting.json.events[0]).toMatchObject({
      elementId: 'submitted',
      elementName: 'Υποβλήθηκε αίτηση',
      elementType: 'START_EVENT',
      intent: 'ELEMENT_ACTIVATED',
      at: expect.any(String),
    });
    expect(waiting.json.events.at(-1)).toMatchObject({ elementId: 'check', intent: 'ELEMENT_ACTIVATED' });
    // and the second shows the check completed by the clerk, and the process moved on
    const completedCheck = (done.json.events as { elementId: string; intent: string }[]).find(
      (e) => e.elementId === 'check' && e.intent === 'ELEMENT_COMPLETED',
    );
    expect(completedCheck).toMatchObject({ elementType: 'USER_TASK', by: { username: 'k.petrou' } });
    expect(done.json.activeElementIds).not.toContain('check');
    expect(done.json.completedElementIds).toEqual(expect.arrayContaining(['check', 'decision', 'f_approve']));
    expect(outsider.status).toBe(404);
  });

  it('should audit a deputy’s claim and completion as made for the absent colleague, visible in GET /audit', async () => {
    // given l.vlachos (street lighting) deputises today for d.alexiou, head of the registry
    const { taskId } = await applyForCertificate();
    const today = athensToday();
    expect(
      await setDeputy(app.db.knex, systemActor, {
        absentUserId: await app.userId('d.alexiou'),
        deputyUserId: await app.userId('l.vlachos'),
        fromDate: today,
        toDate: today,
        reason: 'Άδεια ασθενείας',
      }),
    ).toMatchObject({ ok: true });
    const deputy = await app.asUser('l.vlachos');
    // when the deputy claims and completes the registry's task
    expect((await deputy.request('POST', `/api/v1/tasks/${taskId}/claim`)).status).toBe(200);
    const completed = await deputy.request('POST', `/api/v1/tasks/${taskId}/complete`, {
      data: { decision: 'reject', rejectionReason: 'Η διεύθυνση δεν ανήκει στον Δήμο' },
    });
    expect(completed.status).toBe(200);
    // then the audit trail names the deputy as actor and the head of unit as the one they acted for
    const trail = await (
      await app.as('admin')
    ).request(
      'GET',
      `/api/v1/audit?objectType=task&objectId=${taskId}&actingForUserId=${await app.userId('d.alexiou')}`,
    );
    expect(trail.status).toBe(200);
    const deputyId = await app.userId('l.vlachos');
    const alexiouId = await app.userId('d.alexiou');
    expect(
      (trail.json.entries as { action: string; actorUserId: string; actingForUserId: string }[])
        .map((e) => [e.action, e.actorUserId, e.actingForUserId])
        .sort(),
    ).toEqual([
      ['task.claimed', deputyId, alexiouId],
      ['task.completed', deputyId, alexiouId],
    ]);
  });
});
