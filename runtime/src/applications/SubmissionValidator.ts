/** One exact version of a form, as an application records it. */
export interface FormVersionRef {
  readonly formId: string;
  readonly version: number;
  /** The keys of the form's file fields, whose values name uploaded attachments. */
  readonly fileFieldKeys: readonly string[];
}

/** What is wrong with one field of a submission, in Greek and English. */
export interface SubmissionFieldError {
  /** The field's path in the submission, e.g. `applicant.taxId`. */
  readonly field: string;
  /** The form component's key. */
  readonly key: string;
  readonly message: { readonly el: string; readonly en: string };
}

/** The outcome of validating a submission: the cleaned data (unknown fields dropped), or the field errors. */
export type SubmissionValidation =
  | { readonly ok: true; readonly value: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly errors: readonly SubmissionFieldError[] };

/**
 * Validates submissions against a form version's compiled JSON Schema. Implemented over the form library's
 * getFormVersion and validateSubmission (runtime/src/forms); an interface here so tests can use a fake.
 */
export interface SubmissionValidator {
  /** The latest published version of a form, or undefined when the form has none. */
  latest(formId: string): Promise<FormVersionRef | undefined>;
  /** Validates data against exactly that version. */
  validate(form: FormVersionRef, data: unknown): Promise<SubmissionValidation>;
}
