import type { DatabaseTarget } from '@polis/engine';

/** The runtime's configuration, read once from the environment at start-up. */
export interface Config {
  readonly port: number;
  /** Interface to listen on; undefined listens on every interface (IPv6 and IPv4 where available). */
  readonly host: string | undefined;
  readonly publicUrl: string;
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  readonly engine: EngineTarget;
  readonly identity:
    | { readonly kind: 'embedded' }
    | { readonly kind: 'external'; readonly issuer: string; readonly clientId: string; readonly clientSecret: string };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly shutdownTimeoutMs: number;
}

/** OAuth client credentials for a Zeebe gateway that requires a token (Camunda SaaS, Self-Managed with Identity). */
export interface ZeebeOAuth {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The token endpoint, e.g. https://login.cloud.camunda.io/oauth/token. */
  readonly authorizationServerUrl: string;
  /** The token's audience; undefined leaves the client's default (zeebe.camunda.io). */
  readonly audience: string | undefined;
}

/** Which engine the runtime talks to: its own, in-process, or a Zeebe cluster's gateway. */
export type EngineTarget =
  | {
      readonly kind: 'embedded';
      /** Port of the embedded engine's gateway on 127.0.0.1; 0 picks a free one. */
      readonly gatewayPort: number;
    }
  | {
      readonly kind: 'zeebe';
      /** host:port of the gateway, without a scheme. */
      readonly address: string;
      readonly tls: boolean;
      readonly oauth: ZeebeOAuth | undefined;
    };

/** A configuration problem: which variable, and what is wrong with it. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}
