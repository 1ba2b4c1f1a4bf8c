/** A message in both of Polis's languages, Greek first. */
export interface BilingualText {
  readonly el: string;
  readonly en: string;
}

/** One problem of a submission, for the form to show beside the field. */
export interface SubmissionError {
  /** The JSON path of the field, e.g. `data.applicant.taxId` or `data.children[1].name`. */
  readonly field: string;
  /** The component's key (the unknown property's name for a field that is not in the form). */
  readonly key: string;
  readonly message: BilingualText;
}

/** The outcome of validating a submission: its cleaned data, or every field's problem. */
export type SubmissionResult =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly errors: readonly SubmissionError[] };
