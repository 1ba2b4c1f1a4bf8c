import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  otpauthUri,
  totpCodeAt,
  totpStep,
  verifyTotp,
} from './totp.js';

// RFC 6238 Appendix B: the SHA1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const at = (seconds: number) => new Date(seconds * 1000);

describe('totp', () => {
  it('should encode and decode RFC 4648 base32', () => {
    // RFC 4648 §10 test vectors, without padding
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(() => base32Decode('MZXW1')).toThrow(RangeError);
  });

  it('should produce the RFC 6238 Appendix B SHA1 codes', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
    ];
    for (const [seconds, code] of vectors) {
      expect(totpCodeAt(RFC_SECRET, totpStep(at(seconds)), 8)).toBe(code);
      expect(totpCodeAt(RFC_SECRET, totpStep(at(seconds)), 6)).toBe(code.slice(2));
      expect(verifyTotp(RFC_SECRET, code, at(seconds), { digits: 8 })).toEqual({
        valid: true,
        step: totpStep(at(seconds)),
      });
      expect(verifyTotp(RFC_SECRET, code.slice(2), at(seconds))).toMatchObject({ valid: true });
    }
  });

  it('should accept a code one step either side of now and refuse one two steps away', () => {
    // given the code of step 1000 (seconds 30000–30029)
    const code = totpCodeAt(RFC_SECRET, 1000);
    // then
    expect(verifyTotp(RFC_SECRET, code, at(30000 - 30))).toEqual({ valid: true, step: 1000 });
    expect(verifyTotp(RFC_SECRET, code, at(30029 + 30))).toEqual({ valid: true, step: 1000 });
    expect(verifyTotp(RFC_SECRET, code, at(30000 - 31))).toEqual({ valid: false });
    expect(verifyTotp(RFC_SECRET, code, at(30029 + 31))).toEqual({ valid: false });
    expect(verifyTotp(RFC_SECRET, code, at(30029 + 30), { window: 0 })).toEqual({ valid: false });
    expect(verifyTotp(RFC_SECRET, code, at(30015), { window: 0 })).toEqual({ valid: true, step: 1000 });
  });

  it('should refuse a code already used, and an earlier one, once a step was used', () => {
    // given a code accepted at step 1000
    const now = at(30010);
    const first = verifyTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, 1000), now);
    expect(first).toEqual({ valid: true, step: 1000 });
    const lastUsedStep = first.valid ? first.step : null;
    // when the same code is replayed, or the previous step's code is tried
    const replay = verifyTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, 1000), now, { lastUsedStep });
    const older = verifyTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, 999), now, { lastUsedStep });
    // then both are refused, while the next step's code is still accepted
    expect(replay).toEqual({ valid: false });
    expect(older).toEqual({ valid: false });
    expect(verifyTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, 1001), now, { lastUsedStep })).toEqual({
      valid: true,
      step: 1001,
    });
  });

  it('should refuse malformed codes', () => {
    const now = at(30010);
    const code = totpCodeAt(RFC_SECRET, 1000);
    expect(verifyTotp(RFC_SECRET, code.slice(1), now)).toEqual({ valid: false });
    expect(verifyTotp(RFC_SECRET, `${code}0`, now)).toEqual({ valid: false });
    expect(verifyTotp(RFC_SECRET, 'abcdef', now)).toEqual({ valid: false });
    expect(verifyTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toEqual({ valid: true, step: 1000 });
  });

  it('should generate distinct 160-bit secrets and an otpauth URI for authenticator apps', () => {
    // when
    const secret = generateTotpSecret();
    // then
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
    const uri = new URL(otpauthUri({ issuer: 'Polis', account: 'admin@dimos.gr', secret }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Polis:admin@dimos.gr');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret,
      issuer: 'Polis',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
