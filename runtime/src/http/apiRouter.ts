import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Actor } from '../orgchart/Actor.js';
import { authorize } from '../middlewares/authorize.js';
import { principalOf } from '../middlewares/resolvePrincipal.js';
import type { Principal } from '../policies/Principal.js';
import type { ApiReply, ApiRoute, JsonSchema } from './ApiRoute.js';

/** Where the JSON API lives. */
export const API_BASE = '/api/v1';

// ajv-formats is CommonJS with a default export; under NodeNext its namespace carries it as `default`.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function compilers() {
  // Bodies are taken as sent; query and path parameters arrive as strings and are coerced to their types.
  const body = addFormats(new Ajv({ allErrors: true, strict: true }));
  const strings = addFormats(new Ajv({ allErrors: true, strict: true, coerceTypes: true, useDefaults: true }));
  return { body, strings };
}

type Part = 'body' | 'query' | 'params';

/** The JSON path of the value an ajv error is about, such as `body.memberships[0].position`. */
function fieldOf(part: Part, error: ErrorObject): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  if (error.keyword === 'required' && params.missingProperty) segments.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && params.additionalProperty) segments.push(params.additionalProperty);
  return segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : `${path}.${s}`), part as string);
}

function describe(part: Part, error: ErrorObject): { field: string; message: string } {
  const field = fieldOf(part, error);
  const params = error.params as { allowedValues?: unknown[] };
  if (error.keyword === 'required') return { field, message: `${field} is required.` };
  if (error.keyword === 'additionalProperties') return { field, message: `${field} is not a known field.` };
  if (error.keyword === 'enum')
    return { field, message: `${field} must be one of: ${(params.allowedValues ?? []).join(', ')}.` };
  return { field, message: `${field} ${error.message ?? 'is invalid'}.` };
}

function send(res: Response, reply: ApiReply): void {
  if ('respond' in reply) return reply.respond(res);
  if ('stream' in reply) {
    res.attachment(reply.filename);
    res.status(reply.status).type(reply.contentType);
    if (reply.length !== undefined) res.setHeader('Content-Length', String(reply.length));
    reply.stream.once('error', () => res.destroy());
    reply.stream.pipe(res);
    return;
  }
  if (!('json' in reply) && !('text' in reply)) {
    res.status(reply.status).end();
    return;
  }
  if ('json' in reply) {
    res.status(reply.status).json(reply.json);
    return;
  }
  if (reply.filename) res.attachment(reply.filename);
  res.status(reply.status).type(reply.contentType).send(reply.text);
}

function actorOf(principal: Principal, req: Request): Actor {
  const sourceIp = req.ip;
  if (principal.kind === 'user') return { userId: principal.user.id, sourceIp };
  if (principal.kind === 'client') return { userId: undefined, clientId: principal.clientId, sourceIp };
  return { userId: undefined, sourceIp };
}

const HAS_BODY = new Set(['post', 'put', 'patch']);

/**
 * The JSON API's express router. Each route runs: the principal (resolved for the whole app) → its policy
 * (and CSRF for cookie sessions) → body parsing → validation of params, query and body against its schemas
 * → its handler, which calls one command or query and answers through a presenter. Authorizing before
 * parsing means a caller who may not use a route learns nothing about its input.
 */
export function apiRouter(routes: readonly ApiRoute[]): Router {
  const router = Router();
  const ajv = compilers();
  const compile = (schema: JsonSchema | undefined, strings: boolean): ValidateFunction | undefined =>
    schema ? (strings ? ajv.strings : ajv.body).compile(schema) : undefined;

  for (const route of routes) {
    const validators: [Part, ValidateFunction | undefined][] = [
      ['params', compile(route.params, true)],
      ['query', compile(route.query, true)],
      ['body', compile(route.body, false)],
    ];
    const parsers =
      HAS_BODY.has(route.method) && !route.rawBody
        ? [
            express.json({ limit: '2mb', type: ['application/json', 'application/*+json'] }),
            ...(route.acceptsCsv ? [express.text({ limit: '5mb', type: ['text/csv'] })] : []),
          ]
        : [];
    router[route.method](
      `${API_BASE}${route.path}`,
      authorize(route.policy),
      (req: Request, res: Response, next: NextFunction) => {
        const type = req.headers['content-type'];
        if (
          HAS_BODY.has(route.method) &&
          route.body &&
          type !== undefined &&
          !req.is(['json', '+json', ...(route.acceptsCsv ? ['text/csv'] : [])])
        )
          return send(res, {
            status: 415,
            json: {
              error: {
                id: 'unsupported_media_type',
                message: `Send the body as application/json${route.acceptsCsv ? ' or text/csv' : ''}, not ${type}.`,
              },
            },
          });
        next();
      },
      ...parsers,
      async (req: Request, res: Response) => {
        const input: Record<Part, unknown> = {
          params: { ...req.params },
          query: { ...(req.query as Record<string, unknown>) },
          body: req.body as unknown,
        };
        for (const [part, validate] of validators) {
          if (!validate || (part === 'body' && typeof input.body === 'string')) continue;
          if (!validate(input[part])) {
            const problems = (validate.errors ?? []).map((e) => describe(part, e));
            const [first] = problems;
            return send(res, {
              status: 400,
              json: { error: { id: 'invalid_request', ...first!, problems } },
            });
          }
        }
        const principal = principalOf(res);
        const reply = await route.handle({
          body: input.body,
          query: input.query,
          params: input.params,
          principal,
          actor: actorOf(principal, req),
          req,
        });
        send(res, reply);
      },
    );
  }
  router.use(API_BASE, (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const failure = error as { type?: string; status?: number; message?: string };
    if (failure.type === 'entity.parse.failed')
      return send(res, {
        status: 400,
        json: {
          error: { id: 'invalid_json', field: 'body', message: `The body is not valid JSON: ${failure.message}` },
        },
      });
    if (failure.type === 'entity.too.large')
      return send(res, { status: 413, json: { error: { id: 'body_too_large', message: 'The body is too large.' } } });
    next(error);
  });
  return router;
}
