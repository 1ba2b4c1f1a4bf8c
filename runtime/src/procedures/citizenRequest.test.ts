import { describe, expect, it } from 'vitest';
import { useProcedureEngine } from './useProcedureEngine.js';

const submission = (applicationId: string, category: string, dueDate = '2027-01-15T15:00:00+02:00') => ({
  applicationId,
  protocolNumber: 'ΕΙΣ-2026/004700',
  applicant: { username: 'citizen.094259216', displayName: 'Γιώργος Νικολάου' },
  category,
  description: 'Καμένη λάμπα στον στύλο απέναντι από το νούμερο 12',
  locationStreet: 'Κηφισίας 12',
  contactName: 'Γιώργος Νικολάου',
  dueDate,
});

describe('citizen-request', () => {
  const procedure = useProcedureEngine();

  it.each([
    ['cleaning', 'DK.APO'],
    ['lighting', 'DT.HLE'],
    ['roads', 'DT.OD'],
    ['green', 'DPR'],
    ['building', 'YDOM'],
    ['other', 'DD.GDM'],
  ])('should route a %s request to %s', async (category, unit) => {
    const key = await procedure.start('citizen-request', submission(`CR-${category}`, category));
    const task = await procedure.userTask(key, 'handle');
    expect(task.candidateGroups).toEqual([unit]);
    expect(task.job.customHeaders['io.camunda.zeebe:formKey']).toBe('citizen-request-handling');
    task.complete({ outcome: 'resolved', response: 'Αντιμετωπίστηκε' });
  });

  it('should acknowledge, handle, tell the citizen the outcome, and record the rating', async () => {
    // given
    const key = await procedure.start('citizen-request', submission('CR-1', 'lighting'));
    // when
    const task = await procedure.userTask(key, 'handle');
    task.complete({ outcome: 'resolved', response: 'Η λάμπα αντικαταστάθηκε' });
    await procedure.publish(key, 'citizen-rating', 'CR-1', { rating: '5', ratingComment: 'Ευχαριστώ' });
    // then
    expect(await procedure.ends(key)).toEqual(['closedRated']);
    expect(task.job.customHeaders['io.camunda.zeebe:dueDate']).toBe('2027-01-15T15:00:00+02:00');
    expect(procedure.serviceCalls(key)).toEqual(['polis:notify acknowledge', 'polis:notify notifyOutcome']);
    expect(procedure.serviceJob(key, 'notifyOutcome')?.variables).toMatchObject({
      response: 'Η λάμπα αντικαταστάθηκε',
      unit: 'DT.HLE',
    });
    expect(await procedure.variables(key)).toMatchObject({ rating: '5' });
  });

  it('should escalate an overdue request to the head of its unit, and move it on when forwarded', async () => {
    // given a request to the Γραφείο Δημότη that is already overdue
    const key = await procedure.start('citizen-request', submission('CR-2', 'other', '2026-01-09T15:00:00+02:00'));
    const first = await procedure.userTask(key, 'handle');
    await procedure.reached(key, 'escalated');
    expect(procedure.serviceJob(key, 'escalate')?.variables).toMatchObject({ unit: 'DD.GDM' });
    // when the office forwards it to the roads department
    first.complete({ outcome: 'forward', unit: 'DT.OD', response: 'Διαβιβάστηκε στο Τμήμα Οδοποιίας' });
    // then the roads department gets it
    const second = await procedure.userTask(key, 'handle');
    expect(second.candidateGroups).toEqual(['DT.OD']);
    // (its due date, unchanged, has passed too: it is escalated again before anyone acts)
    await procedure.reached(key, 'escalated', 2);
    second.complete({ outcome: 'scheduled', response: 'Η επισκευή προγραμματίστηκε' });
    await procedure.publish(key, 'citizen-rating', 'CR-2', { rating: '3' });
    expect((await procedure.ends(key)).sort()).toEqual(['closedRated', 'escalated', 'escalated']);
  });
});
