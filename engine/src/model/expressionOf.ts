import { checkFeelSyntax } from '../feel/feel.js';
import type { Expression } from './ProcessModel.js';

/** Turns a model attribute into an expression: `=…` is FEEL, anything else a static value. */
export function expressionOf(source: string): Expression {
  const trimmed = source.trim();
  return trimmed.startsWith('=') ? { source, feel: trimmed.slice(1) } : { source, feel: undefined };
}

/** The syntax problem of an expression, as a sentence naming the attribute and the position, or undefined. */
export function expressionProblem(expression: Expression | undefined, attribute: string): string | undefined {
  if (!expression?.feel) return undefined;
  const problem = checkFeelSyntax(expression.feel);
  if (!problem) return undefined;
  return `${attribute} '${expression.source}' is not valid FEEL: ${problem.message} (at character ${problem.from + 1})`;
}
