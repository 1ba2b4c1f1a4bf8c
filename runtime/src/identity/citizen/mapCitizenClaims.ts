import { isValidTaxId } from '../../orgchart/isValidTaxId.js';
import { refuse, type CitizenIssuer, type CitizenResult } from './CitizenIssuer.js';

/** What Polis takes from the citizens' issuer: the ΑΦΜ that identifies the person, and their names. */
export interface CitizenClaims {
  readonly taxId: string;
  readonly givenName: string;
  readonly familyName: string;
  /** Only to tell namesakes apart on screen; not stored. */
  readonly fatherName?: string;
}

/** The claim names of each profile: TaxisNet's userinfo attributes, or OpenID Connect claims. */
const CLAIM_NAMES = {
  taxisnet: { taxId: 'taxid', givenName: 'firstname', familyName: 'lastname', fatherName: 'fathername' },
  oidc: { taxId: 'tax_id', givenName: 'given_name', familyName: 'family_name', fatherName: 'father_name' },
} as const;

// TaxisNet pads its values with spaces (`taxid="660074100   "`): trim, and collapse inner runs.
const clean = (value: unknown) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '');

/**
 * Maps the issuer's claims to a citizen. The ΑΦΜ must pass the checksum (an 8-digit legacy one is padded
 * with a leading 0); refuses without naming any value, since the reason goes to the log.
 */
export function mapCitizenClaims(
  profile: CitizenIssuer['profile'],
  claims: Readonly<Record<string, unknown>>,
): CitizenResult<CitizenClaims> {
  const names = CLAIM_NAMES[profile];
  const rawTaxId = clean(claims[names.taxId]);
  if (rawTaxId === '') return refuse('claims_missing', `the issuer sent no ${names.taxId}`);
  const taxId = /^[0-9]{8}$/.test(rawTaxId) ? `0${rawTaxId}` : rawTaxId;
  if (!isValidTaxId(taxId)) return refuse('tax_id_invalid', `the ${names.taxId} is not a valid ΑΦΜ (checksum)`);
  const givenName = clean(claims[names.givenName]);
  const familyName = clean(claims[names.familyName]);
  // A legal entity signing in with its TaxisNet codes has an ΑΦΜ but no first name: not a citizen account.
  if (givenName === '' || familyName === '') {
    return refuse('claims_missing', `the issuer sent no ${names.givenName} or ${names.familyName}`);
  }
  const fatherName = clean(claims[names.fatherName]);
  return { ok: true, value: { taxId, givenName, familyName, ...(fatherName ? { fatherName } : {}) } };
}
