import type { Knex } from 'knex';
import type { SubmissionValidator } from '../applications/SubmissionValidator.js';
import { buildFormModel } from './buildFormModel.js';
import { fileFieldPathsOf } from './fileFieldPathsOf.js';
import { getFormVersion } from './getFormVersion.js';
import { validateSubmission } from './validateSubmission.js';

/** Submissions validated by the form library: the latest version of a start form, and exactly that version later. */
export function formLibraryValidator(knex: Knex): SubmissionValidator {
  return {
    async latest(formId) {
      const found = await getFormVersion(knex, formId);
      if (!found.ok) return undefined;
      const model = buildFormModel(found.value.definition);
      if (!model.ok)
        throw new Error(`Expected the stored form ${formId} v${found.value.version} to be valid, but it is not.`);
      return { formId, version: found.value.version, fileFieldKeys: fileFieldPathsOf(model.value.nodes) };
    },
    async validate(form, data) {
      const found = await getFormVersion(knex, form.formId, form.version);
      if (!found.ok) throw new Error(`Expected form ${form.formId} v${form.version} to exist: ${found.error.message}`);
      const result = validateSubmission(found.value, data);
      if (result.ok) return { ok: true, value: result.value };
      return {
        ok: false,
        errors: result.errors.map((e) => ({ field: e.field.replace(/^data\./, ''), key: e.key, message: e.message })),
      };
    },
  };
}
