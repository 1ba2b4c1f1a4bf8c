import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the CSRF token on state-changing requests made with the session cookie. */
export const CSRF_HEADER = 'x-csrf-token';
/** The form field that carries it on HTML form posts. */
export const CSRF_FIELD = '_csrf';

/** The CSRF token of a session: an HMAC of the session id, so it needs no storage and dies with the session. */
export function csrfToken(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

/** Whether a presented token is the expected one, compared in constant time. */
export function csrfTokenMatches(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
