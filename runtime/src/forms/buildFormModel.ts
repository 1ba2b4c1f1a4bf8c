import type { FormDefinition } from './FormVersion.js';
import {
  CONDITION_OPERATORS,
  type ConditionOperator,
  type FormComponent,
  type FormCondition,
  type FormModel,
  type FormNode,
  type FormNodeShape,
} from './FormModel.js';
import { failForm, type FormProblem, type FormResult } from './FormResult.js';
import { optionValuesOf } from './optionValuesOf.js';

const LAYOUT = new Set(['panel', 'fieldset', 'columns', 'well', 'table', 'tabs']);
const STATIC = new Set(['content', 'htmlelement']);
const VALUES = new Set([
  'textfield',
  'textarea',
  'number',
  'currency',
  'email',
  'url',
  'phoneNumber',
  'password',
  'select',
  'radio',
  'selectboxes',
  'checkbox',
  'datetime',
  'day',
  'time',
  'file',
  'hidden',
  'signature',
  'tags',
  'survey',
  'polis-afm',
  'polis-amka',
  'polis-iban',
  'polis-phone',
  'polis-postal-code',
]);
const GRIDS = new Set(['datagrid', 'editgrid']);

// Why the types Polis knows of but cannot check on the server are refused.
const REFUSED: Readonly<Record<string, string>> = {
  form: 'it embeds another form by reference; put its fields in this form (a container keeps them together)',
  resource: 'its options are the submissions of another form, which the server cannot check',
  address: 'its value comes from an address provider the server cannot check',
  datasource: 'it fetches data from a URL',
  location: 'it depends on a map provider',
  datatable: 'it is not supported',
  custom: 'it is a custom component without server-side rules',
  recaptcha: 'it is not supported',
  sketchpad: 'it is not supported',
  tree: 'it is not supported',
  datamap: 'it is not supported',
  dynamicWizard: 'it is not supported',
};

// Form.io's own rule for API keys, without the dot (a dotted key would nest data: use a container).
const KEY = /^\w(?:[\w-]*\w)?$/;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const isObject = (value: unknown): value is FormComponent =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const truthy = (value: unknown): boolean => value === true || value === 'true';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface Pending {
  readonly node: Mutable<FormNode>;
  readonly conditional: FormComponent;
}

function shapeOf(type: string): FormNodeShape | undefined {
  if (LAYOUT.has(type)) return 'layout';
  if (STATIC.has(type)) return 'static';
  if (VALUES.has(type)) return 'value';
  if (type === 'container') return 'container';
  if (GRIDS.has(type)) return 'grid';
  if (type === 'button') return 'button';
  return undefined;
}

/** The child components of a component with where they are, across Form.io's layouts (columns, table, tabs). */
function childrenOf(component: FormComponent, path: string): { component: unknown; path: string }[] {
  const list = (value: unknown, at: string) =>
    Array.isArray(value) ? value.map((c: unknown, i) => ({ component: c, path: `${at}[${i}]` })) : [];
  if (component.type === 'columns' && Array.isArray(component.columns))
    return component.columns.flatMap((column: unknown, i) =>
      isObject(column) ? list(column.components, `${path}.columns[${i}].components`) : [],
    );
  if (component.type === 'table' && Array.isArray(component.rows))
    return component.rows.flatMap((row: unknown, r) =>
      Array.isArray(row)
        ? row.flatMap((cell: unknown, c) =>
            isObject(cell) ? list(cell.components, `${path}.rows[${r}][${c}].components`) : [],
          )
        : [],
    );
  if (component.type === 'tabs' && Array.isArray(component.components))
    return component.components.flatMap((tab: unknown, i) =>
      isObject(tab) ? list(tab.components, `${path}.components[${i}].components`) : [],
    );
  return list(component.components, `${path}.components`);
}

/** The JavaScript and JSONLogic a component may carry, none of which the server runs. */
function scriptsOf(component: FormComponent): string[] {
  const found: string[] = [];
  const validate = isObject(component.validate) ? component.validate : {};
  const conditional = isObject(component.conditional) ? component.conditional : {};
  if (text(component.customConditional)) found.push('customConditional');
  if (text(component.calculateValue) || isObject(component.calculateValue)) found.push('calculateValue');
  if (text(validate.custom)) found.push('validate.custom');
  if (text(validate.json) || isObject(validate.json)) found.push('validate.json');
  if (text(conditional.json) || isObject(conditional.json)) found.push('conditional.json');
  if (Array.isArray(component.logic) && component.logic.length > 0) found.push('logic');
  return found;
}

function checkValueRules(node: FormNode, problems: FormProblem[]): void {
  const { component, key, type, definitionPath: at } = node;
  const validate = isObject(component.validate) ? component.validate : {};
  const pattern = text(validate.pattern);
  if (pattern !== undefined) {
    try {
      new RegExp(`^(?:${pattern})$`);
    } catch (error) {
      problems.push({
        field: `${at}.validate.pattern`,
        message: `Component "${key}" has a pattern that is not a valid regular expression: ${(error as Error).message}.`,
      });
    }
  }
  const options = ['select', 'radio', 'selectboxes', 'survey'].includes(type) ? optionValuesOf(component) : [];
  if (options === undefined)
    problems.push({
      field: `${at}.dataSrc`,
      message: `Component "${key}" (${type}) loads its options from "${String(component.dataSrc)}", so the server cannot check the chosen value; list the options in the form (data source "values").`,
    });
  else if (['select', 'radio', 'selectboxes', 'survey'].includes(type) && options.length === 0)
    problems.push({ field: at, message: `Component "${key}" (${type}) has no options to choose from.` });
}

/**
 * Checks a Form.io definition and reads it into the model the compiler and the validator work from. Refuses,
 * naming the component's key, type and place: a missing components array, unsupported types, missing, malformed
 * or duplicate keys, JavaScript or JSONLogic (customConditional, calculateValue, validate.custom, logic; the
 * server never runs a form's code), invalid patterns, selects whose options come from elsewhere, and conditions
 * on components that do not exist or with operators Polis does not evaluate.
 */
export function buildFormModel(definition: FormDefinition): FormResult<FormModel> {
  if (!isObject(definition) || !Array.isArray(definition.components))
    return failForm(
      'form_definition_invalid',
      'definition.components',
      'A form definition is a Form.io form object with a components array.',
    );
  const problems: FormProblem[] = [];
  const pending: Pending[] = [];
  const all: FormNode[] = [];

  const walk = (
    entries: { component: unknown; path: string }[],
    scopes: readonly FormNode[],
    parent: FormNode | undefined,
    taken: Set<string>,
  ): FormNode[] => {
    const nodes: FormNode[] = [];
    for (const { component, path } of entries) {
      if (!isObject(component)) {
        problems.push({ field: path, message: `Expected a component object at ${path}.` });
        continue;
      }
      const type = typeof component.type === 'string' ? component.type : '';
      const key = typeof component.key === 'string' ? component.key : '';
      const name = `Component "${key || '(no key)'}" of type "${type || '(none)'}"`;
      const shape = shapeOf(type);
      if (!shape) {
        const why = REFUSED[type] ?? (type ? 'Polis does not know this type' : 'it has no type');
        problems.push({ field: `${path}.type`, message: `${name} cannot be validated on the server: ${why}.` });
        continue;
      }
      for (const script of scriptsOf(component))
        problems.push({
          field: `${path}.${script}`,
          message: `${name} uses ${script}, which the server does not evaluate (Polis never runs a form's code on the server); use a simple condition or the built-in validation rules instead.`,
        });
      const holdsData = shape !== 'layout' && shape !== 'static';
      if (holdsData && !KEY.test(key))
        problems.push({
          field: `${path}.key`,
          message: `${name} needs a key of letters, digits, "_" or "-" (no dots: use a container to nest data).`,
        });
      else if (holdsData && taken.has(key))
        problems.push({ field: `${path}.key`, message: `${name} repeats a key already used at the same level.` });
      if (holdsData) taken.add(key);
      const validate = isObject(component.validate) ? component.validate : {};
      const node: Mutable<FormNode> = {
        component,
        type,
        key,
        label: text(component.label) ?? key,
        shape,
        children: [],
        scopes,
        dataPath: [...scopes.map((s) => s.key), key].join('.'),
        definitionPath: path,
        condition: undefined,
        required: truthy(validate.required),
        multiple: truthy(component.multiple),
        clearOnHide: component.clearOnHide !== false,
        persistent: shape !== 'button' && component.persistent !== false && component.persistent !== 'client-only',
        alwaysHidden: truthy(component.hidden) || (parent?.alwaysHidden ?? false),
      };
      if (isObject(component.conditional)) pending.push({ node, conditional: component.conditional });
      if (shape === 'value') checkValueRules(node, problems);
      const opens = shape === 'container' || shape === 'grid';
      node.children = walk(
        childrenOf(component, path),
        opens ? [...scopes, node] : scopes,
        node,
        opens ? new Set() : taken,
      );
      nodes.push(node);
      all.push(node);
    }
    return nodes;
  };

  const nodes = walk(
    (definition.components as unknown[]).map((component, i) => ({ component, path: `definition.components[${i}]` })),
    [],
    undefined,
    new Set(),
  );
  for (const { node, conditional } of pending) {
    const condition = readCondition(node, conditional, all, problems);
    if (condition) node.condition = condition;
  }
  if (problems.length > 0) {
    const [first] = problems;
    return failForm('form_definition_invalid', first!.field, first!.message, problems);
  }
  return { ok: true, value: { nodes } };
}

/** The component a condition names: by data path (`applicant.married`), else by key, nearest scope first. */
function resolveTarget(from: FormNode, reference: string, all: readonly FormNode[]): FormNode | undefined {
  const data = all.filter((n) => n.shape === 'value' || n.shape === 'container' || n.shape === 'grid');
  const byPath = data.find((n) => n.dataPath === reference);
  if (byPath) return byPath;
  const key = reference.split('.').at(-1)!;
  const candidates = data.filter((n) => n.key === key);
  const shared = (n: FormNode) => n.scopes.filter((s, i) => from.scopes[i] === s).length;
  return candidates.sort((a, b) => shared(b) - shared(a))[0];
}

function readCondition(
  node: FormNode,
  conditional: FormComponent,
  all: readonly FormNode[],
  problems: FormProblem[],
): FormCondition | undefined {
  const at = `${node.definitionPath}.conditional`;
  const raw: { component: unknown; operator: unknown; value: unknown }[] = Array.isArray(conditional.conditions)
    ? conditional.conditions.map((c: unknown) => (isObject(c) ? c : {})).map((c) => ({ ...c }) as never)
    : text(conditional.when)
      ? [{ component: conditional.when, operator: 'isEqual', value: conditional.eq }]
      : [];
  const show = conditional.show;
  if (raw.length === 0 || show === null || show === undefined || show === '') return undefined;
  const conditions: FormCondition['conditions'][number][] = [];
  raw.forEach((c, i) => {
    const reference = text(c.component);
    const target = reference === undefined ? undefined : resolveTarget(node, reference, all);
    if (!target) {
      problems.push({
        field: `${at}.conditions[${i}].component`,
        message: `Component "${node.key}" is shown depending on "${String(c.component)}", which is not a field of this form.`,
      });
      return;
    }
    if (!(CONDITION_OPERATORS as readonly unknown[]).includes(c.operator)) {
      problems.push({
        field: `${at}.conditions[${i}].operator`,
        message: `Component "${node.key}" has a condition with operator "${String(c.operator)}"; Polis evaluates ${CONDITION_OPERATORS.join(', ')}.`,
      });
      return;
    }
    conditions.push({ target, operator: c.operator as ConditionOperator, value: c.value });
  });
  return { show: truthy(show), conjunction: conditional.conjunction === 'any' ? 'any' : 'all', conditions };
}
