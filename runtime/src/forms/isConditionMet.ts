import type { FormCondition, FormNode } from './FormModel.js';

type Condition = FormCondition['conditions'][number];

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && !Object.values(value).some((v) => v !== false));

// Form.io compares as text: '5' equals 5, 'true' equals true.
const same = (a: unknown, b: unknown): boolean =>
  isEmpty(a) && isEmpty(b) ? true : typeof a === 'object' || typeof b === 'object' ? false : String(a) === String(b);

function contains(value: unknown, wanted: unknown, target: FormNode): boolean {
  if (target.type === 'selectboxes' && typeof value === 'object' && value !== null)
    return (value as Record<string, unknown>)[String(wanted)] === true;
  if (Array.isArray(value)) return value.some((item) => same(item, wanted));
  return typeof value === 'string' && value.includes(String(wanted ?? ''));
}

function compare(value: unknown, wanted: unknown, test: (a: number, b: number) => boolean): boolean {
  const [a, b] = [Number(value), Number(wanted)];
  return !isEmpty(value) && Number.isFinite(a) && Number.isFinite(b) && test(a, b);
}

function holds({ operator, value: wanted, target }: Condition, value: unknown): boolean {
  switch (operator) {
    case 'isEqual':
      return target.type === 'selectboxes' || Array.isArray(value)
        ? contains(value, wanted, target)
        : same(value, wanted);
    case 'isNotEqual':
      return !holds({ operator: 'isEqual', value: wanted, target }, value);
    case 'isEmpty':
      return isEmpty(value);
    case 'isNotEmpty':
      return !isEmpty(value);
    case 'includes':
      return contains(value, wanted, target);
    case 'notIncludes':
      return !contains(value, wanted, target);
    case 'startsWith':
      return typeof value === 'string' && value.startsWith(String(wanted ?? ''));
    case 'endsWith':
      return typeof value === 'string' && value.endsWith(String(wanted ?? ''));
    case 'lessThan':
      return compare(value, wanted, (a, b) => a < b);
    case 'greaterThan':
      return compare(value, wanted, (a, b) => a > b);
    case 'lessThanOrEqual':
      return compare(value, wanted, (a, b) => a <= b);
    case 'greaterThanOrEqual':
      return compare(value, wanted, (a, b) => a >= b);
  }
}

/**
 * Whether a component's condition lets it be shown, given the submission's data and the row of each grid the
 * component is in (a condition on a field of the same row reads that row, as Form.io does).
 */
export function isConditionMet(
  condition: FormCondition,
  data: Record<string, unknown>,
  rows: ReadonlyMap<FormNode, number>,
): boolean {
  const valueOf = (target: FormNode): unknown => {
    let current: unknown = data;
    for (const scope of target.scopes) {
      current = (current as Record<string, unknown> | undefined)?.[scope.key];
      if (scope.shape === 'grid') {
        const row = rows.get(scope);
        current = row === undefined || !Array.isArray(current) ? undefined : current[row];
      }
      if (typeof current !== 'object' || current === null) return undefined;
    }
    return (current as Record<string, unknown>)[target.key];
  };
  const results = condition.conditions.map((c) => holds(c, valueOf(c.target)));
  const met = condition.conjunction === 'any' ? results.some(Boolean) : results.every(Boolean);
  return condition.show ? met : !met;
}
