import { createHmac, timingSafeEqual } from 'node:crypto';

/** Serialises a value as `payload.signature` (HMAC-SHA256, base64url) with an expiry, for a cookie. */
export function signValue(value: unknown, secret: string, ttlMs: number, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ v: value, exp: now + ttlMs })).toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

/** The value of a {@link signValue} string, or undefined when it is forged, malformed or expired. */
export function readSignedValue(signed: string | undefined, secret: string, now = Date.now()): unknown {
  const [payload, signature, extra] = (signed ?? '').split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = createHmac('sha256', secret).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const { v, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { v: unknown; exp: number };
    return typeof exp === 'number' && exp > now ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}
