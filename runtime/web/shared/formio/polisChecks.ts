// The server's own checks, run in the browser too so that a citizen or clerk learns of a typo as they type; the server
// checks again on submission. They are pure functions without imports, shared as they are.
import { isValidAmka } from '../../../src/forms/isValidAmka';
import { isValidGreekIban } from '../../../src/forms/isValidGreekIban';
import { isValidGreekPhone } from '../../../src/forms/isValidGreekPhone';
import { isValidPostalCode } from '../../../src/forms/isValidPostalCode';
import { isValidTaxId as isValidAfm } from '../../../src/orgchart/isValidTaxId';

export { isValidAfm, isValidAmka, isValidGreekIban, isValidGreekPhone, isValidPostalCode };

/** The keys of the apps' texts saying what is wrong with a Polis identifier (each app's catalogue has them). */
export type PolisCheckMessageKey = 'polis.afm' | 'polis.amka' | 'polis.iban' | 'polis.phone' | 'polis.postalCode';

/** One Polis identifier field: how its typed value is tidied, how it is checked, and what to say when it is wrong. */
export interface PolisFieldType {
  readonly type: string;
  /** What the citizen typed, tidied to what the server checks (spaces and dashes out, letters upper-case). */
  normalise(value: string): string;
  isValid(value: string): boolean;
  readonly message: PolisCheckMessageKey;
  readonly inputMode: 'numeric' | 'tel' | 'text';
  readonly autocomplete?: string;
  readonly maxLength: number;
}

const digitsOnly = (value: string) => value.replace(/[\s.-]/g, '');

/** The Polis identifier fields the forms use (see forms/README.md). */
export const POLIS_FIELD_TYPES: readonly PolisFieldType[] = [
  {
    type: 'polis-afm',
    normalise: digitsOnly,
    isValid: isValidAfm,
    message: 'polis.afm',
    inputMode: 'numeric',
    maxLength: 11,
  },
  {
    type: 'polis-amka',
    normalise: digitsOnly,
    isValid: isValidAmka,
    message: 'polis.amka',
    inputMode: 'numeric',
    maxLength: 13,
  },
  {
    type: 'polis-iban',
    normalise: (v) => v.replace(/\s/g, '').toUpperCase(),
    isValid: isValidGreekIban,
    message: 'polis.iban',
    inputMode: 'text',
    maxLength: 34,
  },
  {
    type: 'polis-phone',
    normalise: (v) => v.replace(/[\s().-]/g, ''),
    isValid: isValidGreekPhone,
    message: 'polis.phone',
    inputMode: 'tel',
    autocomplete: 'tel',
    maxLength: 17,
  },
  {
    type: 'polis-postal-code',
    normalise: (v) => v.replace(/\s/g, ''),
    isValid: isValidPostalCode,
    message: 'polis.postalCode',
    inputMode: 'numeric',
    autocomplete: 'postal-code',
    maxLength: 6,
  },
];
