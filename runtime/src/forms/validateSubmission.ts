import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FormModel, FormNode } from './FormModel.js';
import type { FormVersion } from './FormVersion.js';
import type { SubmissionResult } from './SubmissionError.js';
import { addPolisFormats } from './addPolisFormats.js';
import { buildFormModel } from './buildFormModel.js';
import { compileFormSchema } from './compileFormSchema.js';
import { dataNodesOf } from './dataNodesOf.js';
import { describeSubmissionErrors } from './describeSubmissionErrors.js';
import { prepareSubmission } from './prepareSubmission.js';

// ajv-formats is CommonJS with a default export; under NodeNext its namespace carries it as `default`.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

// Form.io tests patterns as browser RegExps without the u flag, so the server does too.
const ajv = addPolisFormats(
  addFormats(new Ajv2020({ allErrors: true, strict: true, unicodeRegExp: false, allowUnionTypes: true })),
);

interface CompiledForm {
  readonly model: FormModel;
  readonly validate: ValidateFunction;
}

// A version never changes, so its compiled validator is kept for the life of the process; the checksum in the key
// keeps two databases (tests) with different contents under one id apart.
const compiled = new Map<string, CompiledForm>();

function compiledFor(version: Pick<FormVersion, 'formId' | 'version' | 'checksum' | 'definition'>): CompiledForm {
  const cacheKey = `${version.formId}@${version.version}#${version.checksum}`;
  let form = compiled.get(cacheKey);
  if (!form) {
    const model = buildFormModel(version.definition);
    if (!model.ok)
      throw new Error(`Expected form ${version.formId} v${version.version} to be valid, but ${model.error.message}`);
    form = { model: model.value, validate: ajv.compile(compileFormSchema(version.definition)) };
    compiled.set(cacheKey, form);
  }
  return form;
}

/** Drops what is accepted but never stored: the submit button's flag and non-persistent fields. */
function dropTransient(nodes: readonly FormNode[], data: Record<string, unknown>): void {
  for (const node of dataNodesOf(nodes)) {
    const value = data[node.key];
    if (!node.persistent) delete data[node.key];
    else if (node.shape === 'container' && typeof value === 'object' && value !== null)
      dropTransient(node.children, value as Record<string, unknown>);
    else if (node.shape === 'grid' && Array.isArray(value))
      for (const row of value) dropTransient(node.children, row as Record<string, unknown>);
  }
}

/**
 * Validates a submission's `data` against the exact form version it was made with: conditional visibility first
 * (hidden fields are not required and their values dropped), then the version's JSON Schema, compiled once per
 * version. Answers the cleaned data (no empty, hidden or transient values), or one error per field with its path.
 * @throws Error when the version's definition is invalid, which saveFormVersion never stores.
 */
export function validateSubmission(
  version: Pick<FormVersion, 'formId' | 'version' | 'checksum' | 'definition'>,
  data: unknown,
): SubmissionResult {
  const { model, validate } = compiledFor(version);
  const prepared = prepareSubmission(model, data);
  if (!validate(prepared.data)) {
    const errors = describeSubmissionErrors(model, validate.errors ?? [], prepared.hidden);
    if (errors.length > 0) return { ok: false, errors };
  }
  const value = prepared.data as Record<string, unknown>;
  dropTransient(model.nodes, value);
  return { ok: true, value };
}
