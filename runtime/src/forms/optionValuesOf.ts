import type { FormComponent } from './FormModel.js';

const isObject = (value: unknown): value is FormComponent =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function valuesOf(list: unknown, property = 'value'): unknown[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((entry: unknown) => (isObject(entry) ? entry[property] : entry))
    .filter((value) => value !== '' && value !== null && value !== undefined);
}

/**
 * The values a select, radio, selectboxes or survey offers, as the form lists them (`data.values`, `values`, or a
 * `json` data source), or undefined when they come from elsewhere (a URL, a resource, code) and cannot be checked.
 */
export function optionValuesOf(component: FormComponent): unknown[] | undefined {
  if (component.type !== 'select') {
    const source = component.dataSrc;
    return source === undefined || source === 'values' || source === '' ? valuesOf(component.values) : undefined;
  }
  const data = isObject(component.data) ? component.data : {};
  const source = component.dataSrc ?? 'values';
  if (source === 'values') return valuesOf(data.values);
  if (source !== 'json') return undefined;
  const json = typeof data.json === 'string' ? safeParse(data.json) : data.json;
  const property =
    typeof component.valueProperty === 'string' && component.valueProperty ? component.valueProperty : '';
  const values = property ? valuesOf(json, property) : Array.isArray(json) ? json : [];
  return values.every((v) => typeof v !== 'object') ? values : undefined;
}

function safeParse(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
