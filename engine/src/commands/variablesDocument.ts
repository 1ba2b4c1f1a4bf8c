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
        `Expected ${what} to be a JSON object, but it is not valid JSON: ${(error as Error).message}`,
      );
    }
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return reject(
      'INVALID_ARGUMENT',
      `Expected ${what} to be a JSON object, but got ${Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  return { ok: true, value: JSON.parse(JSON.stringify(value)) as Variables };
}
