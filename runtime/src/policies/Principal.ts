import type { SessionUser } from '../identity/sessions.js';

/** Nobody has signed in and no access token came with the request. */
export interface AnonymousPrincipal {
  readonly kind: 'anonymous';
}

/** A person signed in through the browser: their session's user with roles and whom they deputise for today. */
export interface UserPrincipal {
  readonly kind: 'user';
  readonly user: SessionUser;
  /** The SHA-256 of the session token: what the CSRF token is bound to. */
  readonly sessionId: string;
}

/** A third-party system calling with an OAuth 2.0 client-credentials access token. */
export interface ClientPrincipal {
  readonly kind: 'client';
  readonly clientId: string;
  readonly scopes: readonly string[];
}

/** Who makes a request, as every policy sees it. */
export type Principal = AnonymousPrincipal | UserPrincipal | ClientPrincipal;

/** The principal of a request without credentials. */
export const anonymous: AnonymousPrincipal = { kind: 'anonymous' };
