import type { ApiRoute, JsonSchema } from './ApiRoute.js';
import { apiErrorSchema } from './apiErrorSchema.js';
import { API_BASE } from './apiRouter.js';

/** What the document says about the server it describes. */
export interface OpenApiInfo {
  readonly publicUrl: string;
  readonly version: string;
  /** Every scope a client can be granted, with what it allows. */
  readonly scopes: Readonly<Record<string, string>>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The input is invalid: `error.field` names the field and `error.message` says why.',
  401: 'No valid session or access token.',
  403: 'The caller may not do this, or a cookie session sent no CSRF token.',
};

/** Express `:name` parameters as OpenAPI `{name}` templates. */
const templated = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(location: 'path' | 'query', schema: JsonSchema | undefined): unknown[] {
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

function operation(route: ApiRoute): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(route.responses))
    responses[status] = {
      description: spec.description,
      ...(spec.schema || spec.contentType
        ? { content: { [spec.contentType ?? 'application/json']: spec.schema ? { schema: spec.schema } : {} } }
        : {}),
    };
  const statuses = route.body || route.query || route.params ? [400] : [];
  if (route.policy.description !== 'anyone') statuses.push(401, 403);
  for (const status of statuses)
    responses[status] ??= {
      description: STATUS_TEXT[status],
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  const open = route.policy.description === 'anyone';
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    description: `Allowed to: ${route.policy.description}.`,
    security: open ? [] : [{ session: [] }, ...(route.policy.scopes.length ? [{ oauth2: route.policy.scopes }] : [])],
    parameters: [...parameters('path', route.params), ...parameters('query', route.query)],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: route.body },
              ...(route.acceptsCsv ? { 'text/csv': { schema: { type: 'string' } } } : {}),
            },
          },
        }
      : route.rawBody
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                route.rawBody.types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
              ),
            },
          }
        : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of the JSON API, generated from the same route declarations and JSON Schemas
 * that validate requests, so it cannot drift from what the server does.
 */
export function openApiDocument(routes: readonly ApiRoute[], info: OpenApiInfo): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[templated(route.path)] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Polis API',
      version: info.version,
      description:
        'The open interface of Polis, the municipality’s process platform. Third-party systems authenticate ' +
        'with OAuth 2.0 client credentials; the staff and citizen apps with the session cookie (and the ' +
        'X-CSRF-Token header on changes).',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: `${info.publicUrl}${API_BASE}` }],
    paths,
    components: {
      schemas: { Error: apiErrorSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'polis_session' },
        oauth2: {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: `${info.publicUrl}/oidc/token`, scopes: info.scopes } },
        },
      },
    },
  };
}
