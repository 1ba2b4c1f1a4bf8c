import type { JsonValue } from './feel.js';

/**
 * A compiled form of the simplest, most frequent FEEL expressions (a variable or path, or a comparison of
 * one with a literal), evaluated without the FEEL parser. Anything else, or any operand of an unexpected
 * type, returns undefined so that the full interpreter decides.
 */
export type FastExpression = (variables: Readonly<Record<string, unknown>>) => JsonValue | undefined;

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const PATH = new RegExp(`^(${NAME}(?:\\.${NAME})*)$`);
const COMPARISON = new RegExp(
  `^(${NAME}(?:\\.${NAME})*)\\s*(=|!=|<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?|"[^"\\\\]*"|true|false)$`,
);
const KEYWORDS = new Set([
  'true',
  'false',
  'null',
  'not',
  'and',
  'or',
  'if',
  'then',
  'else',
  'for',
  'in',
  'return',
  'some',
  'every',
  'satisfies',
  'instance',
  'of',
  'between',
  'function',
  'external',
]);

function lookup(variables: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let value: unknown = variables;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function isPlainJson(value: unknown): value is JsonValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

const cache = new Map<string, FastExpression | null>();

/** The fast form of an expression, or null when it needs the full FEEL interpreter. */
export function fastExpression(expression: string): FastExpression | null {
  const cached = cache.get(expression);
  if (cached !== undefined) return cached;
  const compiled = compile(expression.trim());
  if (cache.size < 10_000) cache.set(expression, compiled);
  return compiled;
}

function compile(text: string): FastExpression | null {
  const path = PATH.exec(text);
  if (path) {
    const parts = path[1]!.split('.');
    if (parts.some((p) => KEYWORDS.has(p))) return null;
    return (variables) => {
      const value = lookup(variables, parts);
      return isPlainJson(value) && value !== null ? value : undefined; // null/missing: let FEEL decide (warnings)
    };
  }
  const comparison = COMPARISON.exec(text);
  if (!comparison) return null;
  const parts = comparison[1]!.split('.');
  if (parts.some((p) => KEYWORDS.has(p))) return null;
  const operator = comparison[2]!;
  const literalText = comparison[3]!;
  const literal: number | string | boolean =
    literalText === 'true'
      ? true
      : literalText === 'false'
        ? false
        : literalText.startsWith('"')
          ? literalText.slice(1, -1)
          : Number(literalText);
  return (variables) => {
    const value = lookup(variables, parts);
    if (typeof value !== typeof literal) return undefined; // mixed or missing types: FEEL's own rules
    if (typeof literal === 'boolean' && operator !== '=' && operator !== '!=') return undefined;
    const a = value as number | string | boolean;
    switch (operator) {
      case '=':
        return a === literal;
      case '!=':
        return a !== literal;
      case '<':
        return a < literal;
      case '<=':
        return a <= literal;
      case '>':
        return a > literal;
      default:
        return a >= literal;
    }
  };
}
