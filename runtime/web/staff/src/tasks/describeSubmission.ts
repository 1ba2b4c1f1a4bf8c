import type { Language } from '../../../shared/i18n/language';
import { localiseForm } from '../../../shared/formio/localiseForm';
import type { FormComponent, FormDefinition } from '../../../shared/formio/formTypes';

/** A file a submission refers to. */
export interface SubmittedFile {
  readonly id: string;
  readonly name: string;
}

/** One submitted field as the task page shows it: its label and its value as plain text, or its files. */
export interface SubmittedField {
  readonly key: string;
  readonly label: string;
  readonly text?: string;
  readonly files?: readonly SubmittedFile[];
}

interface FieldInfo {
  readonly label: string;
  readonly options: ReadonlyMap<string, string>;
}

/** The input fields of a form by key, with their labels and the labels of their options, in the language shown. */
function fieldsByKey(definition: FormDefinition | undefined, language: Language): Map<string, FieldInfo> {
  const fields = new Map<string, FieldInfo>();
  const walk = (components: readonly FormComponent[]) => {
    for (const c of components) {
      if (c.input === true && c.key && c.type !== 'button') {
        const values = (c.values ?? (c.data as { values?: unknown } | undefined)?.values ?? []) as {
          value?: unknown;
          label?: unknown;
        }[];
        const options = new Map(values.map((v) => [String(v.value), String(v.label ?? v.value)]));
        fields.set(c.key, { label: c.label ?? c.key, options });
      }
      walk(c.components ?? []);
      for (const column of c.columns ?? []) walk(column.components ?? []);
    }
  };
  if (definition) walk(localiseForm(definition, language).components);
  return fields;
}

const isFile = (v: unknown): v is SubmittedFile =>
  typeof v === 'object' && v !== null && typeof (v as SubmittedFile).id === 'string' && 'name' in v;

function asText(value: unknown, field: FieldInfo | undefined, yesNo: (v: boolean) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return yesNo(value);
  if (Array.isArray(value)) return value.map((v) => asText(v, field, yesNo)).join(', ');
  if (typeof value === 'object') {
    // A checkbox group or a nested object: its set keys.
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== false && v !== null && v !== '')
      .map(([k, v]) => (v === true ? (field?.options.get(k) ?? k) : `${k}: ${asText(v, undefined, yesNo)}`))
      .join(', ');
  }
  const text = String(value);
  return field?.options.get(text) ?? text;
}

/**
 * The submitted data of an application as label/value pairs in the form's order (then any field the form does not
 * name), every value as plain text (never HTML: it is the citizen's input) and files as references to download.
 */
export function describeSubmission(
  data: Readonly<Record<string, unknown>>,
  definition: FormDefinition | undefined,
  language: Language,
  yesNo: (value: boolean) => string,
): SubmittedField[] {
  const fields = fieldsByKey(definition, language);
  const keys = [...[...fields.keys()].filter((k) => k in data), ...Object.keys(data).filter((k) => !fields.has(k))];
  return keys.map((key) => {
    const value = data[key];
    const field = fields.get(key);
    const label = field?.label ?? key;
    if (Array.isArray(value) && value.length > 0 && value.every(isFile))
      return { key, label, files: value.map((f) => ({ id: f.id, name: f.name })) };
    return { key, label, text: asText(value, field, yesNo) };
  });
}
