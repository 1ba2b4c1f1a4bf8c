/** A Form.io component as found in a definition: untrusted JSON, read property by property. */
export type FormComponent = { readonly [property: string]: unknown };

/**
 * What a component contributes to the submission's data: nothing (`layout` groups children at the same level,
 * `static` shows text), one value, a nested object (`container`), an array of row objects (`grid`), or the submit
 * button's flag (`button`, accepted and dropped).
 */
export type FormNodeShape = 'layout' | 'static' | 'value' | 'container' | 'grid' | 'button';

/** The comparisons of Form.io's simple conditionals that Polis evaluates on the server. */
export const CONDITION_OPERATORS = [
  'isEqual',
  'isNotEqual',
  'isEmpty',
  'isNotEmpty',
  'includes',
  'notIncludes',
  'startsWith',
  'endsWith',
  'lessThan',
  'greaterThan',
  'lessThanOrEqual',
  'greaterThanOrEqual',
] as const;

/** One of {@link CONDITION_OPERATORS}. */
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** When a component is shown: Form.io's legacy `{ show, when, eq }` and newer `{ show, conjunction, conditions }`. */
export interface FormCondition {
  readonly show: boolean;
  readonly conjunction: 'all' | 'any';
  readonly conditions: readonly {
    readonly target: FormNode;
    readonly operator: ConditionOperator;
    readonly value: unknown;
  }[];
}

/** One component of a checked definition, with what the compiler and the validator need to know of it. */
export interface FormNode {
  readonly component: FormComponent;
  readonly type: string;
  readonly key: string;
  /** The label shown beside the field, or its key when it has none. */
  readonly label: string;
  readonly shape: FormNodeShape;
  readonly children: readonly FormNode[];
  /** The enclosing containers and grids, outermost first: the objects its value lives in. */
  readonly scopes: readonly FormNode[];
  /** Its data path without row indices, e.g. `applicant.taxId` or `children.name`. */
  readonly dataPath: string;
  /** Where it is in the definition, e.g. `definition.components[1].components[0]`. */
  readonly definitionPath: string;
  /** Whether it (and everything inside it) is shown only when a condition holds. */
  readonly condition: FormCondition | undefined;
  readonly required: boolean;
  readonly multiple: boolean;
  /** Form.io's clearOnHide: when conditionally hidden, its value is dropped (the default). */
  readonly clearOnHide: boolean;
  /** Form.io's `persistent: false` / 'client-only' and the submit button: accepted, never stored. */
  readonly persistent: boolean;
  /** `hidden: true`: never shown, so never required of the person filling in the form. */
  readonly alwaysHidden: boolean;
}

/** A checked definition: its top-level components as nodes. */
export interface FormModel {
  readonly nodes: readonly FormNode[];
}
