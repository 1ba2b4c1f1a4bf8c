import { describe, expect, it } from 'vitest';
import { athensDateTime } from '../calendar/athensTime.js';
import { addWorkingDays } from '../calendar/workingDays.js';
import { athensToday } from '../orgchart/athensToday.js';
import { deadlineWorker } from './deadlineWorker.js';
import { useProcedureEngine } from './useProcedureEngine.js';

/** The variables a portal submission of the application form gives. */
const submission = (applicationId: string, dueDate = athensDateTime(addWorkingDays(athensToday(), 5))) => ({
  applicationId,
  protocolNumber: 'ΕΙΣ-2026/004512',
  applicant: { username: 'citizen.094259216', displayName: 'Μαρία Παπαδοπούλου' },
  afm: '094259216',
  lastName: 'Παπαδοπούλου',
  firstName: 'Μαρία',
  street: 'Βασ. Σοφίας',
  streetNumber: '9',
  postalCode: '15124',
  years: '2025',
  proofType: 'utility-bill',
  proof: [{ name: 'deh.pdf', url: '/api/files/1' }],
  dueDate,
});

describe('residence-certificate', () => {
  const procedure = useProcedureEngine();

  it('should give the check to the Municipal Registry and issue the certificate on approval', async () => {
    // given
    const key = await procedure.start('residence-certificate', submission('RC-1'));
    // when
    const check = await procedure.userTask(key, 'check');
    check.complete({ decision: 'approve', certifiedYears: '2025' });
    // then
    expect(check.candidateGroups).toEqual(['DD.DHM']);
    expect(check.job.customHeaders).toMatchObject({
      'io.camunda.zeebe:formKey': 'residence-certificate-check',
      'io.camunda.zeebe:dueDate': expect.stringMatching(/T15:00:00\+0[23]:00$/),
    });
    expect(await procedure.ends(key)).toEqual(['issued']);
    expect(procedure.serviceCalls(key)).toEqual(['polis:document issue', 'polis:notify notifyIssued']);
    expect(procedure.serviceJob(key, 'issue')?.customHeaders).toEqual({ template: 'residence-certificate' });
    expect(procedure.serviceJob(key, 'notifyIssued')?.customHeaders).toEqual({
      template: 'residence-certificate-issued',
    });
  });

  it('should ask the citizen for more information, wait for the reply, and then reject with a reason', async () => {
    // given a clerk who asks for more information, with the deadline counted by the real worker
    procedure.answers.set('polis:deadline', deadlineWorker());
    const key = await procedure.start('residence-certificate', submission('RC-2'));
    (await procedure.userTask(key, 'check')).complete({
      decision: 'more-info',
      infoRequest: 'Επισυνάψτε λογαριασμό του 2025',
    });
    // when the citizen answers
    await procedure.publish(key, 'citizen-reply', 'RC-2', { replyText: 'Επισυνάπτω', replyDocuments: [] });
    // then the check comes back, and the clerk rejects
    const again = await procedure.userTask(key, 'check');
    expect(again.job.variables).toMatchObject({
      replyText: 'Επισυνάπτω',
      infoRequest: 'Επισυνάψτε λογαριασμό του 2025',
    });
    again.complete({ decision: 'reject', rejectionReason: 'Η διεύθυνση δεν ανήκει στον Δήμο Αμαρουσίου' });
    expect(await procedure.ends(key)).toEqual(['rejected']);
    expect(procedure.serviceCalls(key)).toEqual([
      'polis:deadline replyDeadline',
      'polis:notify requestInfo',
      'polis:notify notifyRejected',
    ]);
    const variables = await procedure.variables(key);
    expect(variables.replyDue).toBe(athensDateTime(addWorkingDays(athensToday(), 10)));
    expect(variables.rejectionReason).toBe('Η διεύθυνση δεν ανήκει στον Δήμο Αμαρουσίου');
    procedure.answers.delete('polis:deadline');
  });

  it('should bring the check back when the citizen does not answer by the reply deadline', async () => {
    // given a reply deadline that has already passed
    procedure.answers.set('polis:deadline', () => ({ replyDue: '2026-01-02T15:00:00+02:00' }));
    const key = await procedure.start('residence-certificate', submission('RC-3'));
    (await procedure.userTask(key, 'check')).complete({ decision: 'more-info', infoRequest: 'Λείπει αποδεικτικό' });
    // when the timer fires, then the check is back without a reply
    const again = await procedure.userTask(key, 'check');
    expect(again.job.variables.replyText).toBeUndefined();
    expect(await procedure.reached(key, 'replyOverdue')).toBe(1);
    again.complete({ decision: 'reject', rejectionReason: 'Δεν προσκομίστηκε αποδεικτικό κατοικίας' });
    expect(await procedure.ends(key)).toEqual(['rejected']);
    procedure.answers.delete('polis:deadline');
  });

  it('should escalate to the head of unit when the check is overdue, and leave the task with the clerk', async () => {
    // given an application whose 5 working days have passed
    const key = await procedure.start('residence-certificate', submission('RC-4', '2026-01-09T15:00:00+02:00'));
    const check = await procedure.userTask(key, 'check');
    // when the due date timer fires
    await procedure.reached(key, 'escalated');
    // then the escalation went to the unit, and the clerk can still decide
    expect(procedure.serviceJob(key, 'escalate')?.variables).toMatchObject({ unit: 'DD.DHM', applicationId: 'RC-4' });
    check.complete({ decision: 'approve', certifiedYears: '2025' });
    expect((await procedure.ends(key)).sort()).toEqual(['escalated', 'issued']);
    expect(await procedure.incidents(key)).toEqual([]);
  });
});
