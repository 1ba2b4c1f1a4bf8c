import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../shared/formio/formTypes';
import { describeSubmission } from './describeSubmission';

const form: FormDefinition = {
  components: [
    {
      type: 'panel',
      key: 'p',
      components: [
        { type: 'textfield', key: 'lastName', label: 'Επώνυμο', input: true, properties: { labelEn: 'Surname' } },
        {
          type: 'select',
          key: 'proofType',
          label: 'Είδος',
          input: true,
          data: { values: [{ value: 'bill', label: 'Λογαριασμός' }] },
        },
        { type: 'file', key: 'proof', label: 'Αποδεικτικό', input: true },
        { type: 'checkbox', key: 'consent', label: 'Συναίνεση', input: true },
      ],
    },
  ],
};
const yesNo = (v: boolean) => (v ? 'Ναι' : 'Όχι');

describe('the submitted data shown on a task', () => {
  it('should list the fields in the form’s order with their labels and the labels of chosen options', () => {
    const data = { consent: true, proofType: 'bill', lastName: '<b>Παπαδοπούλου</b>', extra: 'x' };
    expect(describeSubmission(data, form, 'el', yesNo)).toEqual([
      { key: 'lastName', label: 'Επώνυμο', text: '<b>Παπαδοπούλου</b>' },
      { key: 'proofType', label: 'Είδος', text: 'Λογαριασμός' },
      { key: 'consent', label: 'Συναίνεση', text: 'Ναι' },
      { key: 'extra', label: 'extra', text: 'x' },
    ]);
    expect(describeSubmission({ lastName: 'P' }, form, 'en', yesNo)[0]!.label).toBe('Surname');
  });

  it('should give files as references to download, and show empty values as a dash', () => {
    const data = { proof: [{ id: 'a1', name: 'bill.pdf', size: 1, type: 'application/pdf' }], lastName: '' };
    expect(describeSubmission(data, form, 'el', yesNo)).toEqual([
      { key: 'lastName', label: 'Επώνυμο', text: '—' },
      { key: 'proof', label: 'Αποδεικτικό', files: [{ id: 'a1', name: 'bill.pdf' }] },
    ]);
  });

  it('should fall back to the keys when the form is not known', () => {
    expect(describeSubmission({ a: 1 }, undefined, 'el', yesNo)).toEqual([{ key: 'a', label: 'a', text: '1' }]);
  });
});
