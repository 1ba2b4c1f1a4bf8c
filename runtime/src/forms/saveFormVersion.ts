import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { FORM_ID_PATTERN, type FormDefinition, type FormVersion } from './FormVersion.js';
import { failForm, type FormResult } from './FormResult.js';
import { buildFormModel } from './buildFormModel.js';
import { canonicalJson } from './canonicalJson.js';
import { formVersionFromRow, type FormVersionRow } from './formVersionFromRow.js';

/** What a form is saved with: its id (kebab-case, the file name in forms/) and the Form.io definition. */
export interface FormVersionInput {
  readonly formId: string;
  readonly definition: FormDefinition;
}

/** The version a save ended with, and whether the save created it (false when the content was unchanged). */
export interface SavedFormVersion {
  readonly version: FormVersion;
  readonly created: boolean;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * Saves a form definition as a new immutable version (1, 2, …) and audits it ('form.version_created'), after
 * checking it can be validated on the server (see buildFormModel). Saving the content of the latest version again
 * (same canonical JSON) creates nothing and answers that version. The Greek title is the definition's `title`, the
 * English one its `properties.titleEn` (else the Greek one).
 */
export async function saveFormVersion(
  knex: Knex,
  actor: Actor,
  input: FormVersionInput,
): Promise<FormResult<SavedFormVersion>> {
  if (typeof input.formId !== 'string' || !new RegExp(FORM_ID_PATTERN).test(input.formId))
    return failForm(
      'form_id_invalid',
      'formId',
      `A form id is 1 to 100 lower-case letters, digits and hyphens, such as "building-permit"; not "${String(input.formId)}".`,
    );
  const model = buildFormModel(input.definition);
  if (!model.ok) return model;
  const { formId, definition } = input;
  const checksum = createHash('sha256').update(canonicalJson(definition)).digest('hex');
  const properties = (typeof definition.properties === 'object' && definition.properties) || {};
  const titleEl = text(definition.title) ?? formId;
  const titleEn = text((properties as Record<string, unknown>).titleEn) ?? titleEl;
  return knex.transaction(async (trx) => {
    // Two saves of one form at once would both pick the same next number: the second waits for the first.
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`form_version:${formId}`]);
    const latest = (await trx('form_version').where({ form_id: formId }).orderBy('version', 'desc').first()) as
      FormVersionRow | undefined;
    if (latest && latest.checksum === checksum)
      return { ok: true, value: { version: formVersionFromRow(latest), created: false } } as const;
    const version = (latest ? Number(latest.version) : 0) + 1;
    const [row] = (await trx('form_version')
      .insert({
        form_id: formId,
        version,
        title_el: titleEl,
        title_en: titleEn,
        definition: JSON.stringify(definition),
        checksum,
        created_by: actor.userId ?? null,
      })
      .returning('*')) as FormVersionRow[];
    await appendAudit(trx, actor, {
      action: 'form.version_created',
      objectType: 'form',
      objectId: formId,
      details: { version, checksum, title: titleEl },
    });
    return { ok: true, value: { version: formVersionFromRow(row!), created: true } } as const;
  });
}
