import type { FormModel, FormNode } from './FormModel.js';
import { isConditionMet } from './isConditionMet.js';

type Data = Record<string, unknown>;

const isData = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const blank = (value: unknown) => value === undefined || value === null || value === '';

/** What the validator checks: the data as Form.io means it, and the fields hidden by their conditions. */
export interface PreparedSubmission {
  /** A copy of the data without empty values and without the values of hidden fields (clearOnHide). */
  readonly data: unknown;
  /** The paths (`data.children[0].name`) of the fields and groups hidden by a condition: never required. */
  readonly hidden: ReadonlySet<string>;
}

/** Calls back for each component with the object its value lives in, its path there and the grid rows around it. */
function visit(
  nodes: readonly FormNode[],
  object: Data,
  path: string,
  rows: ReadonlyMap<FormNode, number>,
  each: (node: FormNode, object: Data, path: string, rows: ReadonlyMap<FormNode, number>) => boolean,
): void {
  for (const node of nodes) {
    if (!each(node, object, path, rows)) continue;
    const at = `${path}.${node.key}`;
    if (node.shape === 'layout') visit(node.children, object, path, rows, each);
    else if (node.shape === 'container' && isData(object[node.key]))
      visit(node.children, object[node.key] as Data, at, rows, each);
    else if (node.shape === 'grid' && Array.isArray(object[node.key]))
      (object[node.key] as unknown[]).forEach((row, i) => {
        if (isData(row)) visit(node.children, row, `${at}[${i}]`, new Map(rows).set(node, i), each);
      });
  }
}

/** Form.io sends '' and null for fields left empty, and lists with empty entries: none of that is a value. */
function dropEmpty(node: FormNode, object: Data): void {
  if (node.shape !== 'value' || !(node.key in object)) return;
  const value = object[node.key];
  if (Array.isArray(value)) {
    const kept = value.filter((item) => !blank(item));
    if (kept.length === 0) delete object[node.key];
    else object[node.key] = kept;
  } else if (blank(value)) delete object[node.key];
}

/**
 * The pre-pass before the schema: drops empty values, then evaluates each component's conditional on the data and
 * drops the values of hidden ones (unless clearOnHide is off), again until nothing changes, because hiding one field
 * can hide another that depends on it. JSON Schema's if/then cannot say "shown when the field in the same grid row
 * equals …", so visibility is decided here and the validator does not require what is hidden.
 */
export function prepareSubmission(model: FormModel, submitted: unknown): PreparedSubmission {
  if (!isData(submitted)) return { data: submitted, hidden: new Set() };
  const data = structuredClone(submitted);
  visit(model.nodes, data, 'data', new Map(), (node, object) => {
    dropEmpty(node, object);
    return true;
  });
  for (;;) {
    const hidden = new Set<string>();
    let cleared = false;
    const hide = (node: FormNode, object: Data, path: string, rows: ReadonlyMap<FormNode, number>): boolean => {
      const shown = node.condition === undefined || isConditionMet(node.condition, data, rows);
      if (shown) return true;
      // A hidden layout hides what is inside it; a hidden container or grid hides its whole value.
      const mark = (inner: FormNode, innerObject: Data, innerPath: string) => {
        if (inner.shape === 'layout' || inner.shape === 'static') return true;
        hidden.add(`${innerPath}.${inner.key}`);
        if (inner.clearOnHide && inner.key in innerObject) {
          delete innerObject[inner.key];
          cleared = true;
        }
        return false;
      };
      if (node.shape === 'layout') visit(node.children, object, path, rows, mark);
      else mark(node, object, path);
      return false;
    };
    visit(model.nodes, data, 'data', new Map(), hide);
    if (!cleared) return { data, hidden };
  }
}
