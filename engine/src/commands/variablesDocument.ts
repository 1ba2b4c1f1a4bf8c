import type { Variables } from '../state/types.js';
import { reject, type CommandResult } from './Rejection.js';

/** Checks that variables are a JSON object (what Zeebe calls a variables document). */
export function variablesDocument(value: unknown, what = 'variables'): CommandResult<Variables> {
  if (value === undefined || value === null) return { ok: true, value: {} };
  if (typeof value === 'string') {
    if (value.trim() === '') return { ok: true, value: {} };
    try {
      return variablesDocument(JSON.parse(value), what);
    } catch (error) {
      return reject(
        'INVALID_ARGUMENT',
        `Property '${what}' is invalid: Expected document to be valid JSON, but it was not: ${(error as Error).message}`,
      );
    }
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    const found = Array.isArray(value)
      ? 'ARRAY'
      : typeof value === 'number'
        ? 'NUMBER'
        : typeof value === 'boolean'
          ? 'BOOLEAN'
          : 'STRING';
    return reject(
      'INVALID_ARGUMENT',
      `Property '${what}' is invalid: Expected document to be a root level object, but was '${found}'`,
    );
  }
  return { ok: true, value: JSON.parse(JSON.stringify(value)) as Variables };
}
