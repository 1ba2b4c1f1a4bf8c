import type { FormSummary } from '../../api/types';

/** What the Polis panel entries offer: the forms of the library and the org units, and the translator. */
export interface PolisCatalog {
  readonly forms: readonly FormSummary[];
  readonly units: readonly { readonly code: string; readonly label: string }[];
  readonly t: (key: string, params?: Record<string, string | number>) => string;
  readonly formTitle: (form: FormSummary) => string;
}
