import type { Knex } from 'knex';
import { formFieldNames, type PolisLintConfig } from '@polis/designer';

/** What the Polis lint rules check a design against: the latest version of every form, and the org units. */
export async function lintContextOf(knex: Knex): Promise<PolisLintConfig> {
  const forms = (await knex
    .select('form_id', 'definition')
    .distinctOn('form_id')
    .from('form_version')
    .orderBy([
      { column: 'form_id', order: 'asc' },
      { column: 'version', order: 'desc' },
    ])) as { form_id: string; definition: unknown }[];
  const units = (await knex('org_unit').select('code')) as { code: string }[];
  return {
    formFields: Object.fromEntries(forms.map((f) => [f.form_id, formFieldNames(f.definition)])),
    orgUnitCodes: units.map((u) => u.code),
  };
}
