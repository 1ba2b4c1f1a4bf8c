import { parseExpression } from 'feelin';

type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

/** Camunda's FEEL functions whose names have spaces: the parser must know them to read `get or else(a, b)`. */
const CAMUNDA_FUNCTIONS: Readonly<Record<string, unknown>> = Object.fromEntries(
  [
    'is defined',
    'get or else',
    'is empty',
    'is blank',
    'to base64',
    'from base64',
    'duplicate values',
    'string join',
    'from json',
    'to json',
    'get entries',
    'get value',
    'context put',
    'context merge',
    'last day of month',
    'day of week',
    'day of year',
    'week of year',
    'month of year',
    'is valid',
  ].map((name) => [name, () => null]),
);

/** Where a FEEL expression stops making sense: a sentence in both languages, and the 0-based offset. */
export interface FeelSyntaxError {
  readonly en: string;
  readonly el: string;
  readonly at: number;
}

/** The FEEL text of an attribute that holds an expression (`=…`), or undefined for a static value. */
export function feelOf(source: string | undefined): string | undefined {
  const trimmed = source?.trim();
  return trimmed?.startsWith('=') ? trimmed.slice(1) : undefined;
}

/** Checks the syntax of a FEEL expression (without the leading `=`) with feelin's parser. */
export function feelSyntaxError(expression: string): FeelSyntaxError | undefined {
  if (expression.trim() === '') return { en: 'the expression is empty', el: 'η έκφραση είναι κενή', at: 0 };
  const tree = parseExpression(expression, CAMUNDA_FUNCTIONS, undefined);
  let found: FeelSyntaxError | undefined;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (!node.type.isError) return true;
      const fragment = expression.slice(node.from, Math.max(node.to, node.from + 1)).trim();
      found =
        node.from >= expression.trimEnd().length
          ? { en: 'it ends too early', el: 'τελειώνει πρόωρα', at: node.from }
          : { en: `unexpected '${fragment}'`, el: `μη αναμενόμενο '${fragment}'`, at: node.from };
      return false;
    },
  });
  return found;
}

const children = (node: SyntaxNode): SyntaxNode[] => {
  const list: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) list.push(child);
  return list;
};

/**
 * The variables a FEEL expression reads from its scope (the first name of a path: `applicant` of
 * `applicant.name`). Names the expression binds itself (iteration variables, function parameters, context
 * keys), function names and names inside a filter (`[item > 1]`, which refer to the list's items) are left out.
 */
export function variablesReadBy(expression: string): string[] {
  const tree = parseExpression(expression, CAMUNDA_FUNCTIONS, undefined);
  const read = new Set<string>();
  const bound = new Set<string>(['item']);
  const text = (node: SyntaxNode) => expression.slice(node.from, node.to).trim();
  const visit = (node: SyntaxNode, inFilter: boolean): void => {
    const name = node.type.name;
    if (name === 'VariableName') {
      const parent = node.parent;
      const isFunctionName = parent?.type.name === 'FunctionInvocation' && parent.firstChild?.from === node.from;
      if (!isFunctionName && !inFilter) read.add(text(node));
      return;
    }
    if (name === 'Name' && ['InExpression', 'FormalParameter', 'Key'].includes(node.parent?.type.name ?? '')) {
      bound.add(text(node));
      return;
    }
    const parts = children(node);
    parts.forEach((child, index) => visit(child, inFilter || (name === 'FilterExpression' && index > 0)));
  };
  visit(tree.topNode, false);
  return [...read].filter((variable) => !bound.has(variable));
}
