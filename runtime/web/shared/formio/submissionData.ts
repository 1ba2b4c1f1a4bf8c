import type { AttachmentRef } from './formTypes';
import { POLIS_STORAGE } from './localiseForm';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a value is a file the Form.io file field holds after a Polis app uploaded it. */
function isUploadedFile(value: unknown): value is { storage: string } & AttachmentRef {
  return isObject(value) && value.storage === POLIS_STORAGE && typeof value.id === 'string';
}

/**
 * The data the server expects from Form.io's submission data: each uploaded file as the attachment reference
 * `{ id, name, size, type }` (Form.io keeps its own bookkeeping beside it), and without the submit button's flag.
 */
export function submissionData(data: Record<string, unknown>): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (isUploadedFile(value)) return { id: value.id, name: value.name, size: value.size, type: value.type };
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    return value;
  };
  const { submit: _submit, ...rest } = data;
  return convert(rest) as Record<string, unknown>;
}

/** The Form.io path of a field the server names (`data.children[0].amka` → `children[0].amka`). */
export function formioPath(field: string): string {
  return field.replace(/^(?:body\.)?data\.?/, '');
}
