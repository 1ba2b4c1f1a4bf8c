import { describe, expect, it } from 'vitest';
import { systemActor } from '../orgchart/Actor.js';
import { useOrgChartDatabase } from '../orgchart/useOrgChartDatabase.js';
import { getFormVersion } from './getFormVersion.js';
import { listForms } from './listForms.js';
import { saveFormVersion } from './saveFormVersion.js';
import { validateSubmission } from './validateSubmission.js';

const v1 = {
  title: 'Αίτηση βεβαίωσης μόνιμης κατοικίας',
  properties: { titleEn: 'Residence certificate application' },
  components: [{ type: 'polis-afm', key: 'taxId', label: 'ΑΦΜ', validate: { required: true } }],
};
// Version 2 adds a required ΑΜΚΑ.
const v2 = {
  ...v1,
  components: [...v1.components, { type: 'polis-amka', key: 'amka', label: 'ΑΜΚΑ', validate: { required: true } }],
};

describe('saveFormVersion', () => {
  const fixture = useOrgChartDatabase();

  it('should keep versions immutable: the same content is the same version, new content the next one', async () => {
    const { knex } = fixture.db;
    // given a form saved once
    const first = await saveFormVersion(knex, systemActor, { formId: 'residence-certificate', definition: v1 });
    expect(first).toMatchObject({
      ok: true,
      value: { created: true, version: { version: 1, titleEn: v1.properties.titleEn } },
    });
    // when the same content is saved again, its keys in another order
    const again = await saveFormVersion(knex, systemActor, {
      formId: 'residence-certificate',
      definition: { components: v1.components, properties: v1.properties, title: v1.title },
    });
    // then nothing new is created
    expect(again).toMatchObject({ ok: true, value: { created: false, version: { version: 1 } } });
    // when changed content is saved
    const second = await saveFormVersion(knex, systemActor, { formId: 'residence-certificate', definition: v2 });
    // then it is version 2, the latest, and version 1 is still there as it was
    expect(second).toMatchObject({ ok: true, value: { created: true, version: { version: 2 } } });
    const latest = await getFormVersion(knex, 'residence-certificate');
    const old = await getFormVersion(knex, 'residence-certificate', 1);
    expect(latest.ok && latest.value.version).toBe(2);
    expect(old.ok && old.value.definition).toEqual(v1);
    // and a submission made with version 1 still validates against it, though version 2 would refuse it
    const submission = { taxId: '094259216' };
    expect(validateSubmission(old.ok ? old.value : (undefined as never), submission).ok).toBe(true);
    expect(validateSubmission(latest.ok ? latest.value : (undefined as never), submission).ok).toBe(false);
    // and each version created is in the audit trail
    const audit = await knex('audit_entry').where({ object_type: 'form', object_id: 'residence-certificate' });
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['form.version_created', 'form.version_created']);
    // and the list shows the latest version
    expect(await listForms(knex)).toEqual([
      expect.objectContaining({ formId: 'residence-certificate', latestVersion: 2, titleEl: v1.title }),
    ]);
  });

  it('should refuse to change a stored version in the database', async () => {
    const { knex } = fixture.db;
    await saveFormVersion(knex, systemActor, { formId: 'frozen', definition: v1 });
    await expect(knex('form_version').where({ form_id: 'frozen' }).update({ title_el: 'Άλλο' })).rejects.toThrow(
      /immutable/,
    );
  });

  it('should refuse an invalid id or definition, and answer missing forms and versions as values', async () => {
    const { knex } = fixture.db;
    expect(await saveFormVersion(knex, systemActor, { formId: 'Άδεια', definition: v1 })).toMatchObject({
      ok: false,
      error: { id: 'form_id_invalid' },
    });
    const refused = await saveFormVersion(knex, systemActor, {
      formId: 'scripted',
      definition: { components: [{ type: 'textfield', key: 'a', calculateValue: 'value = 1' }] },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { id: 'form_definition_invalid', field: 'definition.components[0].calculateValue' },
    });
    expect(await getFormVersion(knex, 'scripted')).toMatchObject({ ok: false, error: { id: 'form_not_found' } });
    expect(await getFormVersion(knex, 'residence-certificate', 9)).toMatchObject({
      ok: false,
      error: { id: 'form_version_not_found' },
    });
  });
});
