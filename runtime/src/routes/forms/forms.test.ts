import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../http/useTestApp.js';

const definition = {
  title: 'Αίτηση για κάδο ανακύκλωσης',
  properties: { titleEn: 'Recycling bin request' },
  components: [
    { type: 'polis-afm', key: 'taxId', label: 'ΑΦΜ', validate: { required: true } },
    {
      type: 'radio',
      key: 'bin',
      label: 'Κάδος',
      values: [
        { label: 'Καφέ', value: 'brown' },
        { label: 'Μπλε', value: 'blue' },
      ],
      validate: { required: true },
    },
    { type: 'button', key: 'submit', action: 'submit' },
  ],
};

describe('the forms routes', () => {
  const app = useTestApp();

  it('should let an analyst save versions, staff list them, and anyone read them', async () => {
    // given an analyst
    const analyst = await app.as('analyst');
    // when they save a new form, then the same content, then a change
    const created = await analyst.request('POST', '/api/v1/forms/recycling-bin/versions', { definition });
    const unchanged = await analyst.request('POST', '/api/v1/forms/recycling-bin/versions', { definition });
    const changed = await analyst.request('POST', '/api/v1/forms/recycling-bin/versions', {
      definition: { ...definition, title: 'Αίτηση για κάδο' },
    });
    // then version 1 is created once, and the change is version 2
    expect([created.status, unchanged.status, changed.status]).toEqual([201, 200, 201]);
    expect(created.json).toMatchObject({ formId: 'recycling-bin', version: 1, titleEn: 'Recycling bin request' });
    expect(unchanged.json.version).toBe(1);
    expect(changed.json.version).toBe(2);
    // and staff see it in the list, anonymous visitors read the latest and version 1
    const list = await (await app.as('clerk')).request('GET', '/api/v1/forms');
    expect(list.json.forms).toEqual([expect.objectContaining({ formId: 'recycling-bin', latestVersion: 2 })]);
    const anonymous = await app.as('anonymous');
    expect((await anonymous.request('GET', '/api/v1/forms/recycling-bin')).json).toMatchObject({
      version: 2,
      titleEl: 'Αίτηση για κάδο',
    });
    const first = await anonymous.request('GET', '/api/v1/forms/recycling-bin/versions/1');
    expect(first.json.definition).toEqual(definition);
  });

  it('should answer the errors of a submission per field, and the cleaned data of a valid one', async () => {
    // given a saved form and a citizen
    await (await app.as('admin')).request('POST', '/api/v1/forms/recycling-bin/versions', { definition });
    const citizen = await app.as('citizen');
    // when they check a submission with a wrong ΑΦΜ, no bin and an extra field
    const invalid = await citizen.request('POST', '/api/v1/forms/recycling-bin/versions/1/validate', {
      data: { taxId: '123456789', extra: 1, submit: true },
    });
    // then each field's error is answered, Greek first
    expect(invalid.status).toBe(200);
    expect(invalid.json.valid).toBe(false);
    expect(invalid.json.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'data.taxId',
          key: 'taxId',
          message: expect.objectContaining({ el: expect.stringContaining('ΑΦΜ') }),
        }),
        expect.objectContaining({ field: 'data.bin', key: 'bin' }),
        expect.objectContaining({ field: 'data.extra', key: 'extra' }),
      ]),
    );
    // when the submission is right, then it is valid and cleaned of the submit flag
    const valid = await citizen.request('POST', '/api/v1/forms/recycling-bin/versions/1/validate', {
      data: { taxId: '094259216', bin: 'brown', submit: true },
    });
    expect(valid.json).toEqual({ valid: true, data: { taxId: '094259216', bin: 'brown' }, errors: [] });
  });

  it('should refuse a form it cannot validate, naming the component, and answer 404 for what does not exist', async () => {
    // given an analyst saving a form with a calculated value
    const analyst = await app.as('analyst');
    const refused = await analyst.request('POST', '/api/v1/forms/calculated/versions', {
      definition: { components: [{ type: 'number', key: 'total', calculateValue: 'value = data.a + data.b' }] },
    });
    // then it is refused with the field in the body
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({
      id: 'form_definition_invalid',
      field: 'body.definition.components[0].calculateValue',
    });
    expect(refused.json.error.message).toContain('"total"');
    // and missing forms and versions are 404
    const anonymous = await app.as('anonymous');
    expect((await anonymous.request('GET', '/api/v1/forms/calculated')).json.error.id).toBe('form_not_found');
    const missing = await anonymous.request('POST', '/api/v1/forms/recycling-bin/versions/7/validate', { data: {} });
    expect([missing.status, missing.json.error.id]).toEqual([404, 'form_version_not_found']);
    // and a clerk may not save forms
    const clerk = await app.as('clerk');
    expect((await clerk.request('POST', '/api/v1/forms/x/versions', { definition })).status).toBe(403);
  });
});
