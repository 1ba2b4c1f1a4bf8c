import { dateAndTime, evaluate, FeelDate, FeelDateTime, FeelDuration, FeelTime, parseExpression } from 'feelin';
import { randomUUID } from 'node:crypto';
import type { Clock } from './Clock.js';
import { fastExpression } from './fastPath.js';

/** A JSON value, as variables hold them. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The outcome of evaluating an expression: a JSON value, or why there is none. */
export type FeelResult = { ok: true; value: JsonValue } | { ok: false; message: string };

/** A FEEL syntax problem and where it is (0-based character offsets). */
export interface FeelSyntaxProblem {
  readonly message: string;
  readonly from: number;
  readonly to: number;
}

/** Checks an expression's syntax without evaluating it; returns the problem or undefined. */
export function checkFeelSyntax(expression: string): FeelSyntaxProblem | undefined {
  const tree = parseExpression(expression, camundaFunctionNames, undefined);
  let problem: FeelSyntaxProblem | undefined;
  tree.iterate({
    enter(node) {
      if (problem || !node.type.isError) return !problem;
      const parent = node.node.parent?.type.name ?? 'Expression';
      const text = expression.slice(node.from, Math.max(node.to, node.from + 1)).trim();
      problem =
        node.from >= expression.trimEnd().length
          ? { message: `incomplete ${parent} at the end of the expression`, from: node.from, to: node.to }
          : { message: `unexpected '${text}' in ${parent}`, from: node.from, to: node.to };
      return false;
    },
  });
  return problem;
}

/** Converts a FEEL value to JSON as Zeebe stores variables: temporal values become ISO strings. */
export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof FeelDate || value instanceof FeelDateTime || value instanceof FeelTime) return value.iso;
  if (value instanceof FeelDuration) return value.iso;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    if (typeof (value as { invoke?: unknown }).invoke === 'function') return null; // a FEEL function
    const out: Record<string, JsonValue> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = toJson(entry);
    return out;
  }
  return null;
}

function camundaFunctions(clock: Clock): Record<string, unknown> {
  const isoNow = () => new Date(clock.now()).toISOString();
  return {
    now: () => dateAndTime(isoNow()),
    today: () => dateAndTime(isoNow())?.iso.slice(0, 10) ?? null,
    'is defined': (value: unknown) => value !== null && value !== undefined,
    'get or else': (value: unknown, fallback: unknown) => value ?? fallback,
    'is empty': (list: unknown) => (Array.isArray(list) ? list.length === 0 : null),
    'is blank': (text: unknown) => (typeof text === 'string' ? text.trim() === '' : null),
    uuid: () => randomUUID(),
    'to base64': (text: unknown) => (typeof text === 'string' ? Buffer.from(text).toString('base64') : null),
    'duplicate values': (list: unknown) =>
      Array.isArray(list) ? [...new Set(list.filter((item, i) => list.indexOf(item) !== i))] : null,
    partition: (list: unknown, size: unknown) => {
      if (!Array.isArray(list) || typeof size !== 'number' || size < 1) return null;
      const parts: unknown[][] = [];
      for (let i = 0; i < list.length; i += size) parts.push(list.slice(i, i + size));
      return parts;
    },
  };
}

const camundaFunctionNames: Record<string, unknown> = camundaFunctions({ now: () => 0 });
const functionsByClock = new WeakMap<Clock, Record<string, unknown>>();

function functionsFor(clock: Clock): Record<string, unknown> {
  let functions = functionsByClock.get(clock);
  if (!functions) functionsByClock.set(clock, (functions = camundaFunctions(clock)));
  return functions;
}

/**
 * Evaluates a FEEL expression over the visible variables, with Camunda's extra built-in functions and
 * `now()` from the engine's clock. A missing variable is null, as in Zeebe.
 */
export function evaluateFeel(
  expression: string,
  variables: Readonly<Record<string, unknown>>,
  clock: Clock,
): FeelResult {
  const fast = fastExpression(expression)?.(variables);
  if (fast !== undefined) return { ok: true, value: fast };
  try {
    const { value, warnings } = evaluate(expression, { ...functionsFor(clock), ...variables });
    const failure = warnings.find((w) => w.type === 'FUNCTION_INVOCATION_FAILURE' || w.type === 'NO_FUNCTION_FOUND');
    if (failure && (value === null || value === undefined)) {
      return { ok: false, message: `failed to evaluate expression '${expression}': ${failure.message}` };
    }
    return { ok: true, value: toJson(value) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `failed to evaluate expression '${expression}': ${message}` };
  }
}
