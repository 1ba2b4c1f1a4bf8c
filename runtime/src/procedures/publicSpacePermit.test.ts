import { describe, expect, it } from 'vitest';
import { useProcedureEngine } from './useProcedureEngine.js';

const submission = (applicationId: string, zone: string, m2: number) => ({
  applicationId,
  protocolNumber: 'ΕΙΣ-2026/004600',
  applicant: { username: 'citizen.094259216', displayName: 'Καφέ Πλατεία ΙΚΕ' },
  businessName: 'Καφέ Πλατεία ΙΚΕ',
  afm: '094259216',
  street: 'Πλατεία Ηρώων Πολυτεχνείου',
  streetNumber: '3',
  postalCode: '15124',
  zone,
  m2,
  periodFrom: '2026-05-01',
  periodTo: '2026-10-31',
  sketch: [{ name: 'sketch.pdf', url: '/api/files/2' }],
  kyeNotification: [{ name: 'kye.pdf', url: '/api/files/3' }],
  dueDate: '2026-12-31T15:00:00+02:00',
});

describe('public-space-permit', () => {
  const procedure = useProcedureEngine();

  it('should charge m² × the zone rate and issue the permit after two positive opinions and payment', async () => {
    // given
    const key = await procedure.start('public-space-permit', submission('PS-1', 'B', 12.5));
    // when the Treasury finds no debts and the police answers positively, in parallel
    const municipal = await procedure.userTask(key, 'municipalCheck');
    await procedure.publish(key, 'police-opinion', 'PS-1', { policeOpinion: 'positive', policeRemarks: '' });
    municipal.complete({ municipalStatus: 'clear' });
    // then the fee is computed and the Treasury confirms payment
    const payment = await procedure.userTask(key, 'payment');
    expect(payment.job.variables.fee).toBe(500);
    payment.complete({ paid: true, receiptNumber: 'ΓΕ-2026/1187', paidOn: '2026-04-20' });
    expect(await procedure.ends(key)).toEqual(['issued']);
    expect(municipal.candidateGroups).toEqual(['DO.TAM']);
    expect(payment.candidateGroups).toEqual(['DO.TAM']);
    expect(procedure.serviceCalls(key)).toEqual([
      'polis:police-request askPolice',
      'polis:document permit',
      'polis:notify notifyIssued',
    ]);
    expect(procedure.serviceJob(key, 'permit')?.customHeaders).toEqual({ template: 'public-space-permit' });
  });

  it.each([
    ['A', 10, 600],
    ['G', 8, 200],
  ])('should charge zone %s at its rate (%d m² → %d €)', async (zone, m2, fee) => {
    const key = await procedure.start('public-space-permit', submission(`PS-fee-${zone}`, zone, m2));
    (await procedure.userTask(key, 'municipalCheck')).complete({ municipalStatus: 'clear' });
    await procedure.publish(key, 'police-opinion', `PS-fee-${zone}`, { policeOpinion: 'positive' });
    expect((await procedure.userTask(key, 'payment')).job.variables.fee).toBe(fee);
  });

  it('should reject with the reasons when the police opinion is negative', async () => {
    // given
    const key = await procedure.start('public-space-permit', submission('PS-2', 'A', 20));
    // when
    (await procedure.userTask(key, 'municipalCheck')).complete({ municipalStatus: 'clear' });
    await procedure.publish(key, 'police-opinion', 'PS-2', {
      policeOpinion: 'negative',
      policeRemarks: 'Εμποδίζεται η διέλευση πεζών',
    });
    // then
    expect(await procedure.ends(key)).toEqual(['rejected']);
    expect(procedure.serviceCalls(key)).toEqual(['polis:police-request askPolice', 'polis:notify notifyRejected']);
    expect(procedure.serviceJob(key, 'notifyRejected')?.variables).toMatchObject({
      rejectionReasons: ['Αρνητική γνωμοδότηση αστυνομίας'],
      policeRemarks: 'Εμποδίζεται η διέλευση πεζών',
    });
  });

  it('should give both reasons when the business also owes the municipality', async () => {
    const key = await procedure.start('public-space-permit', submission('PS-3', 'B', 5));
    (await procedure.userTask(key, 'municipalCheck')).complete({ municipalStatus: 'debts', debtAmount: 320 });
    await procedure.publish(key, 'police-opinion', 'PS-3', { policeOpinion: 'negative' });
    expect(await procedure.ends(key)).toEqual(['rejected']);
    expect((await procedure.variables(key)).rejectionReasons).toEqual([
      'Η επιχείρηση δεν έχει δημοτική ενημερότητα',
      'Αρνητική γνωμοδότηση αστυνομίας',
    ]);
  });
});
