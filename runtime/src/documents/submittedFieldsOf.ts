import { buildFormModel } from '../forms/buildFormModel.js';
import type { FormNode } from '../forms/FormModel.js';
import type { FormDefinition } from '../forms/FormVersion.js';
import { dataNodesOf } from '../forms/dataNodesOf.js';
import { formatDay, maskTaxId } from './documentFormats.js';

/** One submitted field as a receipt lists it. */
export interface SubmittedField {
  readonly label: string;
  readonly value: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function optionLabel(component: Record<string, unknown>, value: unknown): string | undefined {
  const data = isObject(component.data) ? component.data : {};
  const options = Array.isArray(data.values) ? data.values : Array.isArray(component.values) ? component.values : [];
  const found = options.find((o: unknown) => isObject(o) && o.value === value) as Record<string, unknown> | undefined;
  return typeof found?.label === 'string' ? found.label : undefined;
}

function written(node: FormNode, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (node.type === 'polis-afm' && typeof value === 'string') return maskTaxId(value);
  if (node.type === 'file' && Array.isArray(value))
    return value
      .map((f: unknown) => (isObject(f) ? String(f.originalName ?? f.name ?? '') : String(f)))
      .filter((n) => n !== '')
      .join(', ');
  if (typeof value === 'boolean') return value ? 'Ναι' : 'Όχι';
  if (Array.isArray(value)) return value.map((v) => optionLabel(node.component, v) ?? String(v)).join(', ');
  if (isObject(value))
    return Object.entries(value)
      .filter(([, v]) => v === true)
      .map(([k]) => optionLabel(node.component, k) ?? k)
      .join(', ');
  const label = optionLabel(node.component, value);
  if (label) return label;
  return typeof value === 'string' && node.type === 'datetime' ? formatDay(value) : String(value);
}

function rowsOf(nodes: readonly FormNode[], data: Record<string, unknown>, prefix: string): SubmittedField[] {
  return dataNodesOf(nodes).flatMap((node): SubmittedField[] => {
    const value = data[node.key];
    if (node.shape === 'container' && isObject(value)) return rowsOf(node.children, value, `${prefix}${node.label} — `);
    if (node.shape !== 'value' && node.shape !== 'grid') return [];
    const text = node.shape === 'grid' && Array.isArray(value) ? `${value.length}` : written(node, value);
    return text === '' ? [] : [{ label: `${prefix}${node.label}`, value: text }];
  });
}

/**
 * The fields a citizen filled in, in the form's order, with the labels of the form version they submitted and
 * values as a person reads them (option labels, file names, dd-mm-yyyy dates, tax numbers masked); empty fields
 * are left out. Without a readable definition, the data's own keys stand in for labels.
 */
export function submittedFieldsOf(
  definition: FormDefinition | undefined,
  data: Readonly<Record<string, unknown>>,
): SubmittedField[] {
  const model = definition ? buildFormModel(definition) : undefined;
  if (model?.ok) return rowsOf(model.value.nodes, { ...data }, '');
  return Object.entries(data)
    .filter(([, v]) => v !== undefined && v !== null && v !== '' && typeof v !== 'object')
    .map(([key, v]) => ({ label: key, value: String(v) }));
}
