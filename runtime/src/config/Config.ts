import type { DatabaseTarget } from '@polis/engine';
import type { S3AttachmentStoreConfig } from '../attachments/s3AttachmentStore.js';

/** The runtime's configuration, read once from the environment at start-up. */
export interface Config {
  readonly port: number;
  /** Interface to listen on; undefined listens on every interface (IPv6 and IPv4 where available). */
  readonly host: string | undefined;
  readonly publicUrl: string;
  readonly dataDir: string;
  /**
   * Uploaded attachments: where they are stored (ATTACHMENTS_DIR, default <DATA_DIR>/attachments; with
   * ATTACHMENTS_STORE=s3, an S3-compatible bucket, the directory then only stages uploads) and how large one may be
   * (MAX_ATTACHMENT_MB, default 10).
   */
  readonly attachments: {
    readonly dir: string;
    readonly maxBytes: number;
    readonly s3?: S3AttachmentStoreConfig | undefined;
  };
  readonly database: DatabaseTarget;
  readonly engine: EngineTarget;
  readonly identity:
    | { readonly kind: 'embedded' }
    | { readonly kind: 'external'; readonly issuer: string; readonly clientId: string; readonly clientSecret: string };
  /** A separate issuer for citizens (`/auth/login?as=citizen`); undefined signs citizens in at `identity`. */
  readonly citizenIdentity: CitizenIdentity | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly shutdownTimeoutMs: number;
  /** How often task reminders and escalations are swept (TASK_SWEEP_INTERVAL_MS); one minute when unset. */
  readonly taskSweepIntervalMs?: number;
}

/**
 * The citizens' issuer: a standard OpenID Connect provider (discovered from its issuer URL), or the Greek
 * GSIS TaxisNet OAuth 2.0 service, which has no discovery and no ID token and answers userinfo in XML.
 */
export type CitizenIdentity =
  | {
      readonly kind: 'oidc';
      readonly issuer: string;
      readonly clientId: string;
      readonly clientSecret: string;
    }
  | {
      readonly kind: 'taxisnet';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly authorizationUrl: string;
      readonly tokenUrl: string;
      readonly userinfoUrl: string;
      /** Where the browser goes to end its TaxisNet session; `{clientId}` is replaced. */
      readonly logoutUrl: string;
      /** Whether to send a PKCE challenge (S256) and verifier; GSIS does not document PKCE. */
      readonly pkce: boolean;
    };

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
