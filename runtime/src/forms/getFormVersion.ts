import type { Knex } from 'knex';
import type { FormVersion } from './FormVersion.js';
import { failForm, type FormResult } from './FormResult.js';
import { formVersionFromRow, type FormVersionRow } from './formVersionFromRow.js';

/** One version of a form, or its latest when no version is given; a missing form or version is a failure value. */
export async function getFormVersion(knex: Knex, formId: string, version?: number): Promise<FormResult<FormVersion>> {
  const query = knex('form_version').where({ form_id: formId });
  const row = (await (version === undefined
    ? query.orderBy('version', 'desc').first()
    : query.andWhere({ version }).first())) as FormVersionRow | undefined;
  if (row) return { ok: true, value: formVersionFromRow(row) };
  return version === undefined
    ? failForm('form_not_found', 'formId', `No form has id ${formId}.`)
    : failForm('form_version_not_found', 'version', `Form ${formId} has no version ${version}.`);
}
