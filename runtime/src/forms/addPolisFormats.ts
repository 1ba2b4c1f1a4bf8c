import type { Ajv } from 'ajv';
import { isValidTaxId } from '../orgchart/isValidTaxId.js';
import { isValidAmka } from './isValidAmka.js';
import { isValidGreekIban } from './isValidGreekIban.js';
import { isValidGreekPhone } from './isValidGreekPhone.js';
import { isValidPostalCode } from './isValidPostalCode.js';

const DATE =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$/i;

/** A calendar date, alone or with a time (Form.io's datetime sends an ISO date-time even for a date picker). */
function isDateOrDateTime(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Adds the formats of Polis's own fields to an ajv instance: `polis-afm` (ΑΦΜ), `polis-amka` (ΑΜΚΑ), `polis-iban`
 * (Greek IBAN), `polis-phone` (Greek phone), `polis-postal-code` (ΤΚ) and `polis-date` (date or date-time).
 */
export function addPolisFormats(ajv: Ajv): Ajv {
  return ajv
    .addFormat('polis-afm', { type: 'string', validate: isValidTaxId })
    .addFormat('polis-amka', { type: 'string', validate: isValidAmka })
    .addFormat('polis-iban', { type: 'string', validate: isValidGreekIban })
    .addFormat('polis-phone', { type: 'string', validate: isValidGreekPhone })
    .addFormat('polis-postal-code', { type: 'string', validate: isValidPostalCode })
    .addFormat('polis-date', { type: 'string', validate: isDateOrDateTime });
}
