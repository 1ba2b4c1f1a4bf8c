import { describe, expect, it } from 'vitest';
import type { PersonaClient } from '../../http/useTestApp.js';
import { waitFor } from '../../procedures/useProcedureEngine.js';
import { useTaskEngine } from './useTaskEngine.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const HOSTILE = '<img src=x onerror="alert(1)"> Ο πολίτης <b>ζητά</b> & «επείγει»';

// Generous: each test waits for the engine and the worker, on a machine other test files keep busy.
describe('comments, attachments and drafts of a task', { timeout: 90_000 }, () => {
  const { app, client, applyForCertificate, taskAt } = useTaskEngine();
  const upload = async (who: PersonaClient, content: Buffer, name: string) =>
    (
      await who.request('POST', '/api/v1/attachments', content, {
        'content-type': 'application/pdf',
        'x-filename': encodeURIComponent(name),
      })
    ).json.attachmentId as string;

  it('should keep comments with the application, as typed, for the next task of the same case', async () => {
    // given a task of the registry (DD.DHM)
    const { processInstanceKey, applicationId, taskId } = await applyForCertificate();
    const petrou = await app.as('clerk');
    const panagiotou = await app.asUser('m.panagiotou');
    const marinos = await app.asUser('s.marinos');
    // when a clerk comments with text that looks like HTML, and others read the comments
    const posted = await petrou.request('POST', `/api/v1/tasks/${taskId}/comments`, { text: `  ${HOSTILE}\n` });
    const blank = await petrou.request('POST', `/api/v1/tasks/${taskId}/comments`, { text: '   ' });
    const long = await petrou.request('POST', `/api/v1/tasks/${taskId}/comments`, { text: 'α'.repeat(4001) });
    const colleague = await panagiotou.request('GET', `/api/v1/tasks/${taskId}/comments`);
    const outsider = await marinos.request('GET', `/api/v1/tasks/${taskId}/comments`);
    const outsiderPost = await marinos.request('POST', `/api/v1/tasks/${taskId}/comments`, { text: 'Γεια' });
    // then the comment is stored as typed (trimmed), returned as JSON text, and named by its author
    expect(posted.status).toBe(201);
    expect(posted.headers.get('content-type')).toMatch(/^application\/json/);
    expect(posted.json.comment).toMatchObject({
      taskId,
      elementName: 'Έλεγχος αίτησης',
      text: HOSTILE,
      author: { username: 'k.petrou' },
    });
    expect(blank.status).toBe(400);
    expect(blank.json.error).toMatchObject({ id: 'comment_empty', field: 'body.text' });
    expect(long.status).toBe(400);
    expect(long.json.error).toMatchObject({ id: 'invalid_request', field: 'body.text' });
    expect(colleague.json.comments).toEqual([posted.json.comment]);
    expect(outsider.status).toBe(404);
    expect(outsiderPost.status).toBe(404);
    expect(await app.db.knex('audit_entry').where({ object_id: taskId, action: 'task.commented' })).toHaveLength(1);

    // when the clerk asks the citizen for more information and the citizen replies: a new check task
    const completed = await petrou.request('POST', `/api/v1/tasks/${taskId}/complete`, {
      data: { decision: 'more-info', infoRequest: 'Στείλτε λογαριασμό ΔΕΗ του 2025' },
    });
    expect(completed.status).toBe(200);
    await waitFor(async () => {
      const published = await client.publishMessage({
        name: 'citizen-reply',
        correlationKey: applicationId,
        timeToLiveMs: 60_000,
      });
      return published.ok ? true : undefined;
    });
    const nextTaskId = await taskAt(processInstanceKey, 'check', [taskId]);
    const next = await panagiotou.request('GET', `/api/v1/tasks/${nextTaskId}`);
    // then the new task shows the comment made on the first
    expect(next.status).toBe(200);
    expect(next.json.comments).toEqual([posted.json.comment]);
    expect(next.json.application).toBeNull(); // started directly in the engine, not by a registered application
  });

  it('should link an uploaded file to the case, list it with the task and let staff who see the task download it', async () => {
    // given a task and a PDF a clerk uploaded
    const { taskId } = await applyForCertificate();
    const petrou = await app.as('clerk');
    const fileId = await upload(petrou, Buffer.concat([PDF, Buffer.from('task')]), 'Αυτοψία.pdf');
    const panagiotou = await app.asUser('m.panagiotou');
    const marinos = await app.asUser('s.marinos');
    expect((await panagiotou.request('GET', `/api/v1/attachments/${fileId}`)).status).toBe(404);
    // when the clerk links it to the task, twice
    const linked = await petrou.request('POST', `/api/v1/tasks/${taskId}/attachments`, { attachmentId: fileId });
    const again = await petrou.request('POST', `/api/v1/tasks/${taskId}/attachments`, { attachmentId: fileId });
    // then it is linked once, listed with the task and in its view, and downloadable by the unit but not others
    expect(linked.status).toBe(201);
    expect(linked.json.attachment).toMatchObject({
      attachmentId: fileId,
      originalName: 'Αυτοψία.pdf',
      mediaType: 'application/pdf',
      source: 'task',
      linkedBy: { username: 'k.petrou' },
    });
    expect(again.status).toBe(200);
    const listed = await panagiotou.request('GET', `/api/v1/tasks/${taskId}/attachments`);
    expect(listed.json.attachments).toEqual([linked.json.attachment]);
    expect((await panagiotou.request('GET', `/api/v1/tasks/${taskId}`)).json.attachments).toEqual([
      linked.json.attachment,
    ]);
    const download = await panagiotou.request('GET', `/api/v1/attachments/${fileId}`);
    expect(download.status).toBe(200);
    expect(download.text).toContain('%PDF-1.7');
    expect((await marinos.request('GET', `/api/v1/attachments/${fileId}`)).status).toBe(404);
    expect(
      await app.db.knex('audit_entry').where({ object_id: taskId, action: 'task.attachment_linked' }),
    ).toHaveLength(1);
    // and a file the clerk may not read, or a task out of scope, is not found
    const othersFile = await upload(marinos, Buffer.concat([PDF, Buffer.from('other')]), 'x.pdf');
    const foreign = await petrou.request('POST', `/api/v1/tasks/${taskId}/attachments`, { attachmentId: othersFile });
    expect(foreign.status).toBe(404);
    expect(foreign.json.error).toMatchObject({ id: 'attachment_not_found', field: 'body.attachmentId' });
    const outOfScope = await marinos.request('POST', `/api/v1/tasks/${taskId}/attachments`, {
      attachmentId: othersFile,
    });
    expect(outOfScope.status).toBe(404);
    expect(outOfScope.json.error.id).toBe('task_not_found');
  });

  it('should keep a draft for the assignee only, and throw it away when the task is completed', async () => {
    // given a task k.petrou has taken, and their head of unit (who sees the task but does not hold it)
    const { taskId } = await applyForCertificate();
    const petrou = await app.as('clerk');
    const head = await app.as('headOfUnit');
    const before = await petrou.request('PUT', `/api/v1/tasks/${taskId}/draft`, { data: { decision: 'approve' } });
    expect((await petrou.request('POST', `/api/v1/tasks/${taskId}/claim`)).status).toBe(200);
    // when they save a draft (incomplete: not validated), save it again, and the head of unit tries to read it
    const first = await petrou.request('PUT', `/api/v1/tasks/${taskId}/draft`, { data: { decision: 'approve' } });
    const saved = await petrou.request('PUT', `/api/v1/tasks/${taskId}/draft`, {
      data: { decision: 'approve', certifiedYears: '20' },
    });
    const read = await petrou.request('GET', `/api/v1/tasks/${taskId}/draft`);
    const view = await petrou.request('GET', `/api/v1/tasks/${taskId}`);
    const colleagueRead = await head.request('GET', `/api/v1/tasks/${taskId}/draft`);
    const colleagueView = await head.request('GET', `/api/v1/tasks/${taskId}`);
    const tooLarge = await petrou.request('PUT', `/api/v1/tasks/${taskId}/draft`, {
      data: { note: 'α'.repeat(200_000) },
    });
    // then
    expect(before.status).toBe(409);
    expect(before.json.error.id).toBe('task_not_assignee');
    expect(first.status).toBe(200);
    expect(saved.json.draft).toMatchObject({ data: { decision: 'approve', certifiedYears: '20' } });
    expect(read.json.draft).toEqual(saved.json.draft);
    expect(view.json.draft).toEqual(saved.json.draft);
    expect(colleagueRead.status).toBe(409);
    expect(colleagueRead.json.error).toMatchObject({ id: 'task_not_assignee', by: { username: 'k.petrou' } });
    expect(colleagueView.json.draft).toBeNull();
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.json.error).toMatchObject({ id: 'draft_too_large', field: 'body.data' });
    // when they complete the task
    const completed = await petrou.request('POST', `/api/v1/tasks/${taskId}/complete`, {
      data: { decision: 'approve', certifiedYears: '2025' },
    });
    // then the draft is gone
    expect(completed.status).toBe(200);
    expect(await app.db.knex('task_draft').where({ task_id: taskId })).toEqual([]);
    const after = await petrou.request('PUT', `/api/v1/tasks/${taskId}/draft`, { data: {} });
    expect(after.status).toBe(409);
    expect(after.json.error.id).toBe('task_not_active');
  });

  it('should throw a draft away on request', async () => {
    // given a claimed task with a draft
    const { taskId } = await applyForCertificate();
    const petrou = await app.as('clerk');
    await petrou.request('POST', `/api/v1/tasks/${taskId}/claim`);
    await petrou.request('PUT', `/api/v1/tasks/${taskId}/draft`, { data: { decision: 'reject' } });
    // when it is deleted (twice)
    const deleted = await petrou.request('DELETE', `/api/v1/tasks/${taskId}/draft`);
    const again = await petrou.request('DELETE', `/api/v1/tasks/${taskId}/draft`);
    // then
    expect([deleted.status, again.status]).toEqual([204, 204]);
    expect((await petrou.request('GET', `/api/v1/tasks/${taskId}/draft`)).json).toEqual({ draft: null });
  });
});
