import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The RFC 6238 time step, in seconds; authenticator apps assume 30. */
export const TOTP_STEP_SECONDS = 30;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Encodes bytes as RFC 4648 base32 without padding, the form authenticator apps expect in a key URI. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes RFC 4648 base32, ignoring case, spaces and padding as people type them.
 * Throws a RangeError when a character is outside the alphabet.
 */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new RangeError(`Expected a base32 secret, but found the character ${JSON.stringify(char)}.`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(out);
}

/** A new random 160-bit secret (the HMAC-SHA1 block RFC 4226 recommends), base32-encoded. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** What an authenticator app needs to enrol: who issues the code, for which account, and the secret. */
export interface OtpauthUriInput {
  readonly issuer: string;
  readonly account: string;
  readonly secret: string;
}

/** The otpauth:// key URI that an authenticator app reads from a QR code. */
export function otpauthUri({ issuer, account, secret }: OtpauthUriInput): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}

/** The time step that contains an instant: whole 30-second periods since the Unix epoch. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** The RFC 4226 HOTP code of a base32 secret at a counter (the time step for TOTP), with 6 or 8 digits. */
export function totpCodeAt(secret: string, step: number, digits: 6 | 8 = 6): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** How verifyTotp checks a code. */
export interface VerifyTotpOptions {
  /** The step of the last code this secret accepted; that step and earlier ones are refused (RFC 6238 §5.2). */
  readonly lastUsedStep?: number | null;
  /** How many steps either side of now to accept, for clock drift; 1 by default. */
  readonly window?: number;
  readonly digits?: 6 | 8;
}

/** The outcome of verifyTotp: the step to store as lastUsedStep when valid. */
export type TotpVerification = { readonly valid: true; readonly step: number } | { readonly valid: false };

/**
 * Checks a code against a base32 secret at an instant, accepting the steps within the window and refusing
 * any step at or before the last one used, so an observed code cannot be replayed.
 */
export function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  { lastUsedStep = null, window = 1, digits = 6 }: VerifyTotpOptions = {},
): TotpVerification {
  const typed = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${digits}}$`).test(typed)) return { valid: false };
  const current = totpStep(now);
  let matched: number | undefined;
  // Every step is computed and compared in constant time, so timing does not reveal which one matched.
  for (let step = current - window; step <= current + window; step++) {
    if (lastUsedStep != null && step <= lastUsedStep) continue;
    const expected = Buffer.from(totpCodeAt(secret, step, digits));
    if (timingSafeEqual(expected, Buffer.from(typed)) && matched === undefined) matched = step;
  }
  return matched === undefined ? { valid: false } : { valid: true, step: matched };
}

/** A base32 secret in groups of four characters, as people copy it into an authenticator app by hand. */
export function formatTotpSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}
