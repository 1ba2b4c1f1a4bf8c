/** A Form.io form definition as stored: the JSON object the form builder produced, taken as given. */
export type FormDefinition = { readonly [property: string]: unknown };

/** One immutable version of a form: what a submission is validated against, for ever. */
export interface FormVersion {
  readonly formId: string;
  readonly version: number;
  readonly titleEl: string;
  readonly titleEn: string;
  readonly definition: FormDefinition;
  /** SHA-256 (hex) of the definition's canonical JSON: equal content, equal checksum. */
  readonly checksum: string;
  readonly createdAt: Date;
  /** Undefined when Polis itself saved it (forms/ loaded at start-up). */
  readonly createdBy: string | undefined;
}

/** Form ids: lower-case letters, digits and hyphens, as file names in forms/ and URL segments. */
export const FORM_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,99}$';
