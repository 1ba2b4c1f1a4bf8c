import type { ErrorObject } from 'ajv';
import { el } from '../i18n/el.js';
import { en } from '../i18n/en.js';
import type { MessageKey } from '../i18n/index.js';
import type { FormModel, FormNode } from './FormModel.js';
import type { BilingualText, SubmissionError } from './SubmissionError.js';
import { dataNodesOf } from './dataNodesOf.js';

const FORMAT_MESSAGES: Readonly<Record<string, MessageKey>> = {
  email: 'form.error.email',
  uri: 'form.error.url',
  uuid: 'form.error.file',
  'polis-date': 'form.error.date',
  'polis-afm': 'form.error.taxId',
  'polis-amka': 'form.error.amka',
  'polis-iban': 'form.error.iban',
  'polis-phone': 'form.error.phone',
  'polis-postal-code': 'form.error.postalCode',
};
const LIMITED: ReadonlySet<string> = new Set(['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems']);

function text(key: MessageKey, values: Readonly<Record<string, string>>): BilingualText {
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
  return { el: fill(el[key]), en: fill(en[key]) };
}

const bytes = (n: number) => (n >= 1024 ** 2 ? `${+(n / 1024 ** 2).toFixed(1)} MB` : `${+(n / 1024).toFixed(1)} KB`);

/**
 * The component an ajv error is about and its path with row indices: the walk follows containers and grid rows,
 * and stops at a value component (what is below it, a selected box or a file's size, is reported on the field).
 */
function locate(
  model: FormModel,
  segments: readonly string[],
): { node: FormNode | undefined; field: string; below: boolean } {
  let nodes = model.nodes;
  let node: FormNode | undefined;
  let field = 'data';
  for (const [i, segment] of segments.entries()) {
    if (node?.shape === 'grid' && /^\d+$/.test(segment)) {
      field += `[${segment}]`;
      continue;
    }
    if (node && node.shape !== 'container' && node.shape !== 'grid') return { node, field, below: i < segments.length };
    node = dataNodesOf(nodes).find((n) => n.key === segment);
    field += `.${segment}`;
    if (!node) return { node, field, below: false };
    nodes = node.children;
  }
  return { node, field, below: false };
}

/** Whether an error says the field was not filled in: missing, an unticked checkbox, no box selected, no file. */
function isRequiredError(error: ErrorObject, node: FormNode): boolean {
  const { keyword, params } = error as { keyword: string; params: { limit?: number } };
  return (
    keyword === 'required' ||
    keyword === 'const' ||
    keyword === 'not' ||
    (keyword === 'minItems' && params.limit === 1 && node.required)
  );
}

function messageOf(error: ErrorObject, node: FormNode, inFile: boolean): BilingualText {
  const label = node.label;
  const params = error.params as { limit?: number; format?: string };
  const { keyword } = error;
  if (isRequiredError(error, node)) return text('form.error.required', { label });
  if (keyword === 'additionalProperties') return text('form.error.choice', { label });
  if (keyword === 'maximum' && inFile) return text('form.error.fileSize', { label, limit: bytes(params.limit ?? 0) });
  if (keyword === 'pattern' && inFile) return text('form.error.fileType', { label });
  if (inFile) return text('form.error.file', { label });
  if (keyword === 'format') return text(FORMAT_MESSAGES[params.format ?? ''] ?? 'form.error.invalid', { label });
  if (keyword === 'enum') return text('form.error.choice', { label });
  if (keyword === 'type') return text('form.error.type', { label });
  if (keyword === 'pattern') return text('form.error.pattern', { label });
  if (LIMITED.has(keyword)) return text(`form.error.${keyword}` as MessageKey, { label, limit: String(params.limit) });
  return text('form.error.invalid', { label });
}

/**
 * Turns ajv's errors on a prepared submission into one error per field, with the field's path, key and a message
 * in Greek and English. Required errors on fields hidden by a condition are dropped: what is hidden is not asked.
 */
export function describeSubmissionErrors(
  model: FormModel,
  errors: readonly ErrorObject[],
  hidden: ReadonlySet<string>,
): SubmissionError[] {
  const isHidden = (field: string) =>
    [...hidden].some((h) => field === h || field.startsWith(`${h}.`) || field.startsWith(`${h}[`));
  const described = new Map<string, SubmissionError>();
  for (const error of errors) {
    const segments = error.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = error.params as { missingProperty?: string; additionalProperty?: string };
    if (error.keyword === 'required' && params.missingProperty) segments.push(params.missingProperty);
    if (error.keyword === 'additionalProperties' && params.additionalProperty) segments.push(params.additionalProperty);
    if (error.keyword === 'type' && segments.length === 0) {
      described.set('data', { field: 'data', key: '', message: text('form.error.notObject', {}) });
      continue;
    }
    const { node, field, below } = locate(model, segments);
    if (described.has(field)) continue;
    if (!node) {
      const key = segments.at(-1) ?? '';
      described.set(field, { field, key, message: text('form.error.unknownField', { field: key }) });
      continue;
    }
    if (isRequiredError(error, node) && isHidden(field)) continue;
    described.set(field, { field, key: node.key, message: messageOf(error, node, node.type === 'file' && below) });
  }
  return [...described.values()];
}
