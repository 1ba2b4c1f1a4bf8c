import type { Knex } from 'knex';

/** A form as the library lists it: its latest version's number, titles and when it was saved. */
export interface FormSummary {
  readonly formId: string;
  readonly latestVersion: number;
  readonly titleEl: string;
  readonly titleEn: string;
  readonly checksum: string;
  readonly updatedAt: Date;
}

/** Every form in the library with its latest version, by id. */
export async function listForms(knex: Knex): Promise<FormSummary[]> {
  const rows = (await knex
    .select('form_id', 'version', 'title_el', 'title_en', 'checksum', 'created_at')
    .distinctOn('form_id')
    .from('form_version')
    .orderBy([
      { column: 'form_id', order: 'asc' },
      { column: 'version', order: 'desc' },
    ])) as {
    form_id: string;
    version: number;
    title_el: string;
    title_en: string;
    checksum: string;
    created_at: Date | string;
  }[];
  return rows.map((r) => ({
    formId: r.form_id,
    latestVersion: Number(r.version),
    titleEl: r.title_el,
    titleEn: r.title_en,
    checksum: r.checksum,
    updatedAt: new Date(r.created_at),
  }));
}
