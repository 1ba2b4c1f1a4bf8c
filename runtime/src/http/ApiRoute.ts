import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { Request } from 'express';
import type { Actor } from '../orgchart/Actor.js';
import type { Policy } from '../policies/Policy.js';
import type { Principal } from '../policies/Principal.js';

/** A JSON Schema (draft 2020-12), as ajv validates it and OpenAPI 3.1 embeds it. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** What a route's handler receives: the validated input, who asks, and the actor its command audits. */
export interface ApiInput<Body, Query, Params> {
  readonly body: Body;
  readonly query: Query;
  readonly params: Params;
  readonly principal: Principal;
  readonly actor: Actor;
  readonly req: Request;
}

/**
 * What a handler answers: JSON, a downloadable text (CSV), a downloadable file streamed, nothing (204), or a
 * response it writes itself for as long as it lasts (a server-sent event stream).
 */
export type ApiReply =
  | { readonly status: number; readonly json: unknown }
  | { readonly status: number; readonly text: string; readonly contentType: string; readonly filename?: string }
  | {
      readonly status: number;
      readonly stream: Readable;
      readonly contentType: string;
      /** Sent as Content-Disposition: attachment with this name. */
      readonly filename: string;
      readonly length?: number;
    }
  | { readonly status: 204 }
  | { readonly status: number; readonly respond: (res: ServerResponse) => void };

/** One documented response of a route, for the OpenAPI document. */
export interface ApiResponseSpec {
  readonly description: string;
  readonly schema?: JsonSchema;
  /** application/json unless said otherwise. */
  readonly contentType?: string;
}

/**
 * One route of the JSON API: where it is, who may call it, the schemas of its input (validated before the
 * handler runs, and published in the OpenAPI document) and the handler that calls one command or query.
 */
export interface ApiRoute<Body = unknown, Query = unknown, Params = unknown> {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path under /api/v1, e.g. `/org/units/:unitId`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  readonly policy: Policy;
  readonly params?: JsonSchema;
  readonly query?: JsonSchema;
  readonly body?: JsonSchema;
  /** Also accept the body as text/csv (passed to the handler as a string, validated by the command). */
  readonly acceptsCsv?: boolean;
  /**
   * Take the body as it comes (a file upload): no parsing, the handler reads `req` as a stream and checks its
   * Content-Type against these types itself; the OpenAPI document lists them as binary request bodies.
   */
  readonly rawBody?: { readonly types: readonly string[] };
  readonly responses: Readonly<Record<number, ApiResponseSpec>>;
  handle(input: ApiInput<Body, Query, Params>): Promise<ApiReply>;
}

/** Declares a route with its input types; the schemas are what make those types true at run time. */
export function defineApiRoute<Body = undefined, Query = Record<string, never>, Params = Record<string, never>>(
  route: ApiRoute<Body, Query, Params>,
): ApiRoute {
  return route as unknown as ApiRoute;
}

/** A JSON error reply with a stable id, the field at fault (a JSON path such as `body.nameEl`) and a message. */
export function apiError(status: number, id: string, message: string, field?: string): ApiReply {
  return { status, json: { error: { id, message, ...(field === undefined ? {} : { field }) } } };
}
