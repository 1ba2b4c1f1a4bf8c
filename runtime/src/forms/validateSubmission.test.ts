import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from './FormVersion.js';
import type { SubmissionResult } from './SubmissionError.js';
import { validateSubmission } from './validateSubmission.js';

const sample = JSON.parse(
  readFileSync(new URL('../../../forms/polis-palette-sample.form.json', import.meta.url), 'utf8'),
) as FormDefinition;
const version = (definition: FormDefinition, checksum = 'test') => ({
  formId: 'test',
  version: 1,
  checksum,
  definition,
});
const sampleVersion = version(sample, 'sample');

const VALID = {
  applicant: {
    lastName: 'Παπαδοπούλου',
    firstName: 'Ελένη',
    taxId: '094259216',
    amka: '01013099997',
    birthDate: '1930-01-01T00:00:00+02:00',
    phone: '6912345678',
    email: 'eleni@example.gr',
    postalCode: '151 24',
  },
  certificate: 'residence',
  delivery: 'electronic',
  refund: false,
  notifications: { email: true, sms: false },
  children: [],
  documents: [
    { id: '6f1c1f6e-8a51-4a43-9d7e-6f7f1c2d3e4f', name: 'tautotita.PDF', size: 120_000, type: 'application/pdf' },
  ],
  declaration: true,
  submit: true,
};

const errorsOf = (result: SubmissionResult) => (result.ok ? [] : result.errors);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests index into the cleaned data freely
const valueOf = (result: SubmissionResult): any => (result.ok ? result.value : undefined);

/** A field's error, by path. */
function errorAt(data: unknown, field: string, definition = sampleVersion) {
  const result = validateSubmission(definition, data);
  if (result.ok) throw new Error(`Expected an error at ${field}, but the submission was valid.`);
  return result.errors.find((e) => e.field === field);
}

describe('validateSubmission', () => {
  it('should accept a valid Greek submission and answer it cleaned of empties and the submit flag', () => {
    // given a submission of the palette sample as Form.io sends it, with an empty optional field
    const data = { ...VALID, applicant: { ...VALID.applicant, email: '' } };
    // when it is validated
    const result = validateSubmission(sampleVersion, data);
    // then it is valid, and the empty email and the button's flag are not in the cleaned data
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ certificate: 'residence' }) });
    const value = valueOf(result);
    expect(value.applicant).not.toHaveProperty('email');
    expect(value).not.toHaveProperty('submit');
    expect(value.applicant!.taxId).toBe('094259216');
  });

  it('should name each missing required field by its path, with Greek and English messages', () => {
    // given a submission without the tax number, the certificate and the declaration ticked
    const data = { ...VALID, applicant: { ...VALID.applicant, taxId: '' }, certificate: undefined, declaration: false };
    // when it is validated
    const result = validateSubmission(sampleVersion, data);
    // then each is reported at its path
    expect(result.ok).toBe(false);
    const errors = errorsOf(result);
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          field: 'data.applicant.taxId',
          key: 'taxId',
          message: { el: 'Το πεδίο «ΑΦΜ» είναι υποχρεωτικό.', en: '“ΑΦΜ” is required.' },
        },
        expect.objectContaining({ field: 'data.certificate', key: 'certificate' }),
        expect.objectContaining({ field: 'data.declaration', key: 'declaration' }),
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('should check ΑΦΜ, ΑΜΚΑ, IBAN, phone and postal code checksums and shapes', () => {
    // given submissions each with one wrong identifier, when validated, then the field's own message is given
    const applicant = (change: Record<string, string>) => ({ ...VALID, applicant: { ...VALID.applicant, ...change } });
    expect(errorAt(applicant({ taxId: '094259217' }), 'data.applicant.taxId')?.message.el).toContain('ΑΦΜ');
    expect(errorAt(applicant({ amka: '01013099998' }), 'data.applicant.amka')?.message.en).toContain('ΑΜΚΑ');
    expect(errorAt(applicant({ amka: '32013099995' }), 'data.applicant.amka')).toBeDefined();
    expect(errorAt(applicant({ phone: '6921234567' }), 'data.applicant.phone')?.message.en).toContain('phone');
    expect(errorAt(applicant({ postalCode: '9999' }), 'data.applicant.postalCode')?.message.en).toContain('postal');
    expect(errorAt(applicant({ email: 'eleni@' }), 'data.applicant.email')?.message.en).toContain('email');
    expect(errorAt(applicant({ birthDate: '1930-02-30' }), 'data.applicant.birthDate')?.message.en).toContain('date');
    const iban = { ...VALID, refund: true, iban: 'GR1601101250000000012300696' };
    expect(errorAt(iban, 'data.iban')?.message.el).toContain('IBAN');
    expect(validateSubmission(sampleVersion, { ...iban, iban: 'GR1601101250000000012300695' }).ok).toBe(true);
    expect(validateSubmission(sampleVersion, applicant({ phone: '+302101234567', postalCode: '15124' })).ok).toBe(true);
  });

  it('should refuse a choice the form does not offer, and an unknown selectbox or field', () => {
    expect(errorAt({ ...VALID, certificate: 'birth' }, 'data.certificate')?.message.en).toContain('Choose one');
    expect(errorAt({ ...VALID, notifications: { fax: true } }, 'data.notifications')).toBeDefined();
    // given a field the form does not have, inside a container
    const unknown = errorAt(
      { ...VALID, applicant: { ...VALID.applicant, nickname: 'Λένα' } },
      'data.applicant.nickname',
    );
    // then it is named
    expect(unknown).toEqual({
      field: 'data.applicant.nickname',
      key: 'nickname',
      message: {
        el: 'Το πεδίο «nickname» δεν ανήκει σε αυτή τη φόρμα.',
        en: '“nickname” is not a field of this form.',
      },
    });
  });

  it('should check grid rows with their index, numbers against min and max, and lengths', () => {
    // given two children, the second without a name and aged 130
    const data = { ...VALID, children: [{ name: 'Νίκος', age: 20 }, { age: 130 }] };
    // when validated, then the errors name the row
    const result = validateSubmission(sampleVersion, data);
    expect(result.ok).toBe(false);
    const fields = errorsOf(result).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['data.children[1].name', 'data.children[1].age']));
    expect(errorAt({ ...VALID, children: [{ name: 'Νίκος', age: 130 }] }, 'data.children[0].age')?.message.el).toBe(
      'Το πεδίο «Ηλικία» μπορεί να είναι έως 120.',
    );
    const long = { ...VALID, applicant: { ...VALID.applicant, lastName: 'Α'.repeat(101) } };
    expect(errorAt(long, 'data.applicant.lastName')?.message.en).toBe('“Επώνυμο” can have at most 100 characters.');
  });

  it('should require a field shown by a condition in the same grid row, and drop it where the row hides it', () => {
    // given a child under 18 without ΑΜΚΑ, and an adult child with one
    const data = {
      ...VALID,
      children: [
        { name: 'Μαρία', age: 10 },
        { name: 'Γιώργος', age: 30, amka: '01013099997' },
      ],
    };
    // when validated
    const missing = errorAt(data, 'data.children[0].amka');
    // then the minor's ΑΜΚΑ is required; with it, the adult's (hidden) ΑΜΚΑ is dropped from the data
    expect(missing?.key).toBe('amka');
    const fixed = { ...data, children: [{ ...data.children[0], amka: '01013099997' }, data.children[1]] };
    const result = validateSubmission(sampleVersion, fixed);
    expect(result.ok).toBe(true);
    const children = valueOf(result).children;
    expect(children[0]).toHaveProperty('amka');
    expect(children[1]).not.toHaveProperty('amka');
  });

  it('should not require a hidden required field, and drop its value (clearOnHide)', () => {
    // given electronic delivery, which hides the required postal address, with an address typed before
    const hidden = { ...VALID, delivery: 'electronic', postalAddress: 'Βασ. Σοφίας 1' };
    // when validated, then it is valid and the address is gone
    const result = validateSubmission(sampleVersion, hidden);
    expect(result.ok).toBe(true);
    expect(valueOf(result)).not.toHaveProperty('postalAddress');
    // given delivery by post without an address, then it is required
    expect(errorAt({ ...VALID, delivery: 'post' }, 'data.postalAddress')?.message.en).toBe(
      '“Διεύθυνση αποστολής” is required.',
    );
    // given the IBAN hidden (no refund asked): not required; asked: required
    expect(validateSubmission(sampleVersion, { ...VALID, refund: false }).ok).toBe(true);
    expect(errorAt({ ...VALID, refund: true }, 'data.iban')?.key).toBe('iban');
  });

  it('should hide a field whose condition depends on a field that is itself hidden', () => {
    // given a chain: b shown when a = yes, c shown when b = yes, c required
    const definition = version(
      {
        components: [
          {
            type: 'radio',
            key: 'a',
            label: 'A',
            values: [
              { label: 'Ναι', value: 'yes' },
              { label: 'Όχι', value: 'no' },
            ],
          },
          { type: 'textfield', key: 'b', label: 'B', conditional: { show: true, when: 'a', eq: 'yes' } },
          {
            type: 'textfield',
            key: 'c',
            label: 'C',
            validate: { required: true },
            conditional: { show: true, when: 'b', eq: 'yes' },
          },
        ],
      },
      'chain',
    );
    // when a = no but b = yes was left over from before
    const result = validateSubmission(definition, { a: 'no', b: 'yes' });
    // then b is cleared, so c is hidden too and not required
    expect(result).toEqual({ ok: true, value: { a: 'no' } });
    expect(validateSubmission(definition, { a: 'yes', b: 'yes' }).ok).toBe(false);
  });

  it('should check files: attachment references, size and type', () => {
    const file = VALID.documents[0]!;
    expect(errorAt({ ...VALID, documents: [{ ...file, size: 11 * 1024 ** 2 }] }, 'data.documents')?.message.en).toBe(
      'The file in “Δικαιολογητικά” is larger than 10 MB.',
    );
    expect(errorAt({ ...VALID, documents: [{ ...file, name: 'a.exe' }] }, 'data.documents')?.message.en).toContain(
      'accepted type',
    );
    expect(errorAt({ ...VALID, documents: [{ ...file, id: 'x' }] }, 'data.documents')?.message.en).toContain(
      'upload it again',
    );
  });

  it('should apply patterns, min/max lengths, numbers and multiple values of plain Form.io fields', () => {
    // given a form with a patterned field, a number, a multiple select and a required selectboxes
    const definition = version(
      {
        components: [
          { type: 'textfield', key: 'plate', label: 'Αριθμός κυκλοφορίας', validate: { pattern: '[Α-Ω]{3}-[0-9]{4}' } },
          { type: 'number', key: 'rooms', label: 'Δωμάτια', validate: { min: 1, max: '10' } },
          {
            type: 'select',
            key: 'days',
            label: 'Ημέρες',
            multiple: true,
            data: {
              values: [
                { label: 'Δευτέρα', value: 'mon' },
                { label: 'Τρίτη', value: 'tue' },
              ],
            },
          },
          {
            type: 'selectboxes',
            key: 'bins',
            label: 'Κάδοι',
            validate: { required: true },
            values: [
              { label: 'Καφέ', value: 'brown' },
              { label: 'Μπλε', value: 'blue' },
            ],
          },
          { type: 'textfield', key: 'code', label: 'Κωδικός', validate: { minLength: 3 } },
        ],
      },
      'plain',
    );
    // when validated, then each rule holds
    expect(
      validateSubmission(definition, { plate: 'ΙΚΥ-1234', rooms: 3, days: ['mon'], bins: { brown: true } }).ok,
    ).toBe(true);
    expect(errorAt({ plate: 'IKY-1234', bins: { brown: true } }, 'data.plate', definition)?.message.en).toContain(
      'format',
    );
    expect(errorAt({ rooms: 0, bins: { brown: true } }, 'data.rooms', definition)?.message.en).toContain('at least 1');
    expect(errorAt({ rooms: 'τρία', bins: { brown: true } }, 'data.rooms', definition)?.message.en).toContain('type');
    expect(errorAt({ days: ['sun'], bins: { brown: true } }, 'data.days', definition)).toBeDefined();
    expect(errorAt({ bins: { brown: false, blue: false } }, 'data.bins', definition)?.message.en).toContain('required');
    expect(errorAt({ code: 'ab', bins: { blue: true } }, 'data.code', definition)?.message.en).toContain('at least 3');
  });

  it('should answer one error for data that is not an object', () => {
    expect(validateSubmission(sampleVersion, ['x'])).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'data', key: '' })],
    });
  });
});
