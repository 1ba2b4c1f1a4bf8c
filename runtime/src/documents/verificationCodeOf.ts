import { createHmac, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { identitySecret } from '../identity/identitySecret.js';

/** Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The shape of a verification code: three groups of four, e.g. `K7QD-3MXA-PV9T` (60 bits). */
export const VERIFICATION_CODE_PATTERN = '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$';

/**
 * The verification code of a document: an HMAC of what identifies its issue (application, template, job) under
 * a secret of this installation, so that issuing the same document again gives the same code (and bytes), and
 * nobody can derive a code from an application's id.
 */
export function verificationCodeOf(secret: string, identity: string): string {
  const digest = createHmac('sha256', secret).update(identity).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[Number((bits >> BigInt(64 - 5 * (i + 1))) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** The installation's secret for verification codes, created at first use (call it outside a transaction). */
export const verificationSecret = (knex: Knex): Promise<string> =>
  identitySecret(knex, 'document_verification_secret', () => randomBytes(32).toString('base64url'));

/** Where a person checks a code: the public verification endpoint of this installation. */
export const verificationUrlOf = (publicUrl: string, code: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/api/v1/documents/verify/${code}`;
