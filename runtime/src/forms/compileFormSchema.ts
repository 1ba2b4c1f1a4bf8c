import type { JsonSchema } from '../http/ApiRoute.js';
import type { FormDefinition } from './FormVersion.js';
import type { FormComponent, FormNode } from './FormModel.js';
import { buildFormModel } from './buildFormModel.js';
import { componentSchema } from './componentSchema.js';
import { dataNodesOf } from './dataNodesOf.js';

const isObject = (value: unknown): value is FormComponent =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function objectSchema(nodes: readonly FormNode[], extra: JsonSchema = {}): JsonSchema {
  const fields = dataNodesOf(nodes);
  const required = fields.filter((n) => n.required && !n.alwaysHidden && n.shape !== 'button').map((n) => n.key);
  return {
    ...extra,
    type: 'object',
    properties: Object.fromEntries(fields.map((node) => [node.key, fieldSchema(node)])),
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

function fieldSchema(node: FormNode): JsonSchema {
  if (node.shape === 'container') return objectSchema(node.children, { title: node.label });
  if (node.shape !== 'grid') return componentSchema(node);
  const validate = isObject(node.component.validate) ? node.component.validate : {};
  const minItems = Math.max(Number(validate.minLength) || 0, node.required && !node.alwaysHidden ? 1 : 0);
  const maxItems = Number(validate.maxLength) || 0;
  return {
    title: node.label,
    type: 'array',
    items: objectSchema(node.children),
    ...(minItems > 0 ? { minItems } : {}),
    ...(maxItems > 0 ? { maxItems } : {}),
  };
}

/**
 * Compiles a Form.io definition to the JSON Schema (draft 2020-12) of a submission's `data`: each field's type,
 * required fields, patterns, lengths, bounds, allowed choices, formats (email, `polis-date`, and Polis's `polis-afm`,
 * `polis-amka`, `polis-iban`, `polis-phone`, `polis-postal-code`), containers as objects, grids as arrays of rows,
 * files as arrays of attachment references, and no fields beyond the form's. Conditional visibility is not in
 * the schema: validateSubmission evaluates it first.
 * @throws Error when the definition does not pass buildFormModel (save it first: saved versions always do).
 */
export function compileFormSchema(definition: FormDefinition): JsonSchema {
  const model = buildFormModel(definition);
  if (!model.ok) throw new Error(`Expected a valid form definition, but ${model.error.field}: ${model.error.message}`);
  const title = typeof definition.title === 'string' ? { title: definition.title } : {};
  return objectSchema(model.value.nodes, { $schema: 'https://json-schema.org/draft/2020-12/schema', ...title });
}
