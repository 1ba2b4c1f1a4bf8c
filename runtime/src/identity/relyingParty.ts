import * as client from 'openid-client';

/** How the runtime signs people in: the issuer it trusts and its client registration there. */
export interface RelyingPartyOptions {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Discovers the issuer on first use and caches the result; a failed discovery is retried on the next call.
 * Plain http is allowed only for a loopback issuer (the embedded provider in development and tests).
 */
export function relyingParty(options: RelyingPartyOptions): () => Promise<client.Configuration> {
  let discovered: Promise<client.Configuration> | undefined;
  return () => {
    discovered ??= (async () => {
      const issuer = new URL(options.issuer);
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
      return client.discovery(
        issuer,
        options.clientId,
        undefined,
        client.ClientSecretPost(options.clientSecret),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
    })().catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };
}
