/** Stable ids of the expected failures of the form library's commands and queries. */
export type FormErrorId = 'form_id_invalid' | 'form_definition_invalid' | 'form_not_found' | 'form_version_not_found';

/** One problem found in a form definition: where it is (`definition.components[2].key`) and what to do. */
export interface FormProblem {
  readonly field: string;
  readonly message: string;
}

/** An expected failure: a stable id, the field at fault, a message a person can act on, and every problem found. */
export interface FormError {
  readonly id: FormErrorId;
  readonly field: string;
  readonly message: string;
  readonly problems: readonly FormProblem[];
}

/** What a form library command returns: its value, or an expected failure as a value (never thrown). */
export type FormResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FormError };

/** Builds a failed result; the first problem (or the field and message given) is the headline. */
export function failForm(
  id: FormErrorId,
  field: string,
  message: string,
  problems: readonly FormProblem[] = [{ field, message }],
): { ok: false; error: FormError } {
  return { ok: false, error: { id, field, message, problems } };
}
