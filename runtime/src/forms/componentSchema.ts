import type { JsonSchema } from '../http/ApiRoute.js';
import type { FormComponent, FormNode } from './FormModel.js';
import { optionValuesOf } from './optionValuesOf.js';

const isObject = (value: unknown): value is FormComponent =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A number from a setting Form.io stores as a number or a string ('' when unset). */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Form.io's input mask (9 digit, a letter, * either) as a regular expression. */
function maskPattern(mask: string): string {
  const parts = [...mask].map((c) =>
    c === '9' ? '[0-9]' : c === 'a' ? '[A-Za-z]' : c === '*' ? '[0-9A-Za-z]' : escape(c),
  );
  return `^${parts.join('')}$`;
}

/** The allowed values of a choice, as Form.io submits them for its data type (numbers and booleans from text). */
function allowedValues(component: FormComponent): unknown[] {
  const dataType = typeof component.dataType === 'string' && component.dataType ? component.dataType : 'auto';
  const values = new Set<unknown>();
  for (const value of optionValuesOf(component) ?? []) {
    if (typeof value !== 'string') {
      values.add(value);
      continue;
    }
    if (dataType !== 'number' && dataType !== 'boolean') values.add(value);
    if ((dataType === 'auto' || dataType === 'number') && value.trim() !== '' && Number.isFinite(Number(value)))
      values.add(Number(value));
    if ((dataType === 'auto' || dataType === 'boolean') && (value === 'true' || value === 'false'))
      values.add(value === 'true');
  }
  return [...values];
}

const caseless = (text: string) =>
  [...text]
    .map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escape(c)))
    .join('');

/** File size settings such as '10MB' or '500 KB' in bytes. */
function bytesOf(size: unknown): number | undefined {
  const match = typeof size === 'string' ? /^\s*([0-9.]+)\s*(B|KB|MB|GB)?\s*$/i.exec(size) : null;
  if (!match) return undefined;
  const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[(match[2] ?? 'B').toUpperCase() as 'B'];
  return Math.floor(Number(match[1]) * unit);
}

/** One uploaded file as a submission refers to it: the attachment's id, and what the person uploaded. */
function attachmentSchema(component: FormComponent): JsonSchema {
  const tokens = (typeof component.filePattern === 'string' ? component.filePattern : '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '' && t !== '*');
  const extensions = tokens.filter((t) => t.startsWith('.'));
  const types = tokens.filter((t) => t.includes('/'));
  const maxSize = bytesOf(component.fileMaxSize);
  // A pattern mixing extensions and media types cannot be checked against one property: left to the upload.
  const mixed = extensions.length > 0 && types.length > 0;
  return {
    type: 'object',
    required: ['id', 'name', 'size', 'type'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', format: 'uuid' },
      name: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        ...(extensions.length > 0 && !mixed ? { pattern: `(?:${extensions.map(caseless).join('|')})$` } : {}),
      },
      size: { type: 'integer', minimum: 0, ...(maxSize === undefined ? {} : { maximum: maxSize }) },
      type: {
        type: 'string',
        ...(types.length > 0 && !mixed
          ? { pattern: `^(?:${types.map((t) => escape(t).replace('\\*', '[^/]+')).join('|')})$` }
          : {}),
      },
    },
  };
}

const FORMATS: Readonly<Record<string, string>> = {
  email: 'email',
  url: 'uri',
  datetime: 'polis-date',
  'polis-afm': 'polis-afm',
  'polis-amka': 'polis-amka',
  'polis-iban': 'polis-iban',
  'polis-phone': 'polis-phone',
  'polis-postal-code': 'polis-postal-code',
};
const PATTERNS: Readonly<Record<string, string>> = {
  day: '^[0-9]{2}/[0-9]{2}/[0-9]{4}$',
  time: '^(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?$',
};

/** The schema of one value of a text-like component: length, pattern, input mask and format. */
function textSchema(node: FormNode, validate: FormComponent): JsonSchema {
  const { component, type } = node;
  const minLength = numberOf(validate.minLength);
  const maxLength = numberOf(validate.maxLength);
  const pattern = typeof validate.pattern === 'string' && validate.pattern ? `^(?:${validate.pattern})$` : undefined;
  const mask =
    typeof component.inputMask === 'string' && component.inputMask ? maskPattern(component.inputMask) : undefined;
  const patterns = [PATTERNS[type], pattern, mask].filter((p): p is string => p !== undefined);
  return {
    type: 'string',
    ...(minLength && minLength > 0 ? { minLength } : {}),
    ...(maxLength && maxLength > 0 ? { maxLength } : {}),
    ...(FORMATS[type] ? { format: FORMATS[type] } : {}),
    ...(patterns.length > 0 ? { pattern: patterns[0] } : {}),
    ...(patterns.length > 1 ? { allOf: patterns.slice(1).map((p) => ({ pattern: p })) } : {}),
  };
}

/** The schema of a single value of a component, before `multiple` makes it a list. */
function singleValueSchema(node: FormNode, validate: FormComponent): JsonSchema {
  const { component, type } = node;
  switch (type) {
    case 'number':
    case 'currency': {
      const minimum = numberOf(validate.min);
      const maximum = numberOf(validate.max);
      return {
        type: truthy(validate.integer) || component.decimalLimit === 0 ? 'integer' : 'number',
        ...(minimum === undefined ? {} : { minimum }),
        ...(maximum === undefined ? {} : { maximum }),
      };
    }
    case 'checkbox':
    case 'button':
      return { type: 'boolean' };
    case 'select':
    case 'radio':
      return { enum: allowedValues(component) };
    case 'hidden':
      return {};
    case 'textarea':
      return component.as === 'json' ? {} : textSchema(node, validate);
    default:
      return textSchema(node, validate);
  }
}

const truthy = (value: unknown): boolean => value === true || value === 'true';

/**
 * The JSON Schema of a value component's data, as Form.io submits it: its type, validation rules and choices.
 * Whether it is required is its parent object's business, except for what "filled in" means beyond presence: a
 * ticked checkbox, at least one selected box or one file.
 */
export function componentSchema(node: FormNode): JsonSchema {
  const { component, type, label } = node;
  const validate = isObject(component.validate) ? component.validate : {};
  const required = node.required && !node.alwaysHidden;
  const title = { title: label };
  if (type === 'selectboxes') {
    const keys = (optionValuesOf(component) ?? []).map(String);
    return {
      ...title,
      type: 'object',
      properties: Object.fromEntries(keys.map((k) => [k, { type: 'boolean' }])),
      additionalProperties: false,
      ...(required ? { not: { type: 'object', additionalProperties: { const: false } } } : {}),
    };
  }
  if (type === 'survey') {
    const questions = (Array.isArray(component.questions) ? component.questions : [])
      .map((q: unknown) => (isObject(q) ? q.value : undefined))
      .filter((q): q is string => typeof q === 'string' && q !== '');
    const answers = { enum: allowedValues(component) };
    return {
      ...title,
      type: 'object',
      properties: Object.fromEntries(questions.map((q) => [q, answers])),
      additionalProperties: false,
      ...(required ? { required: questions } : {}),
    };
  }
  if (type === 'file')
    return {
      ...title,
      type: 'array',
      items: attachmentSchema(component),
      ...(required ? { minItems: 1 } : {}),
      ...(truthy(component.multiple) ? {} : { maxItems: 1 }),
    };
  if (type === 'tags')
    return component.storeas === 'array'
      ? { ...title, type: 'array', items: { type: 'string' }, ...(required ? { minItems: 1 } : {}) }
      : { ...title, type: 'string' };
  const single = singleValueSchema(node, validate);
  if (type === 'checkbox' && required) return { ...title, ...single, const: true };
  if (!node.multiple || type === 'hidden' || type === 'checkbox' || type === 'button') return { ...title, ...single };
  return {
    ...title,
    type: 'array',
    items: single,
    ...(type === 'select' ? { uniqueItems: true } : {}),
    ...(required ? { minItems: 1 } : {}),
  };
}
