import type { DatabaseTarget } from '@polis/engine';

/** The runtime's configuration, read once from the environment at start-up. */
export interface Config {
  readonly port: number;
  /** Interface to listen on; undefined listens on every interface (IPv6 and IPv4 where available). */
  readonly host: string | undefined;
  readonly publicUrl: string;
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  readonly engine: { readonly kind: 'embedded' } | { readonly kind: 'zeebe'; readonly address: string };
  readonly identity:
    | { readonly kind: 'embedded' }
    | { readonly kind: 'external'; readonly issuer: string; readonly clientId: string; readonly clientSecret: string };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly shutdownTimeoutMs: number;
}

/** A configuration problem: which variable, and what is wrong with it. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}
