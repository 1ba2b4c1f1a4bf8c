import { createHash, timingSafeEqual } from 'node:crypto';

/** The scopes a third-party system may be granted; access tokens carry a subset of them. */
export const API_SCOPES = [
  'orgchart:read',
  'orgchart:write',
  'audit:read',
  'applications:read',
  'applications:write',
  'tasks:read',
  'metrics:read',
  'opinions:write',
] as const;

/** One of {@link API_SCOPES}. */
export type ApiScope = (typeof API_SCOPES)[number];

/** Whether a value names a known API scope. */
export const isApiScope = (value: unknown): value is ApiScope =>
  typeof value === 'string' && (API_SCOPES as readonly string[]).includes(value);

/** Stable ids of the expected failures of the api client commands. */
export type ApiClientErrorId = 'api_client_name_invalid' | 'api_client_scopes_invalid' | 'api_client_not_found';

/** What an api client command returns: its value, or an expected failure as a value (never thrown). */
export type ApiClientResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: { readonly id: ApiClientErrorId; readonly field: string; readonly message: string };
    };

/** Builds a failed result. */
export const failApiClient = (id: ApiClientErrorId, field: string, message: string) =>
  ({ ok: false, error: { id, field, message } }) as const;

const PREFIX = 'sha256$';

/**
 * The stored form of a client secret. A secret is 256 random bits, so one SHA-256 suffices (no slow hash): a copy
 * of api_client cannot be used to obtain tokens.
 */
export function hashClientSecret(secret: string): string {
  return PREFIX + createHash('sha256').update(secret).digest('hex');
}

/** Whether a presented secret matches a stored hash, compared in constant time. */
export function matchesClientSecret(stored: string, presented: string): boolean {
  if (!stored.startsWith(PREFIX)) return false;
  const expected = Buffer.from(stored);
  const actual = Buffer.from(hashClientSecret(presented));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
