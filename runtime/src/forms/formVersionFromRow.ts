import type { FormDefinition, FormVersion } from './FormVersion.js';

/** A row of form_version as the database returns it. */
export interface FormVersionRow {
  readonly form_id: string;
  readonly version: number;
  readonly title_el: string;
  readonly title_en: string;
  readonly definition: FormDefinition | string;
  readonly checksum: string;
  readonly created_at: Date | string;
  readonly created_by: string | null;
}

/** A stored form version as the library hands it out. */
export function formVersionFromRow(row: FormVersionRow): FormVersion {
  return {
    formId: row.form_id,
    version: Number(row.version),
    titleEl: row.title_el,
    titleEn: row.title_en,
    definition: typeof row.definition === 'string' ? (JSON.parse(row.definition) as FormDefinition) : row.definition,
    checksum: row.checksum,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by ?? undefined,
  };
}
