import { defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { openApiDocument, type OpenApiInfo } from '../../http/openApiDocument.js';
import { anyone } from '../../policies/Policy.js';

/** GET /openapi.json: the OpenAPI 3.1 document of every route given, itself included. */
export function openApiRoutes(routes: readonly ApiRoute[], info: OpenApiInfo): ApiRoute[] {
  const self = defineApiRoute({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    tag: 'meta',
    policy: anyone,
    responses: { 200: { description: 'The OpenAPI 3.1 document of the Polis API.', schema: { type: 'object' } } },
    async handle() {
      return { status: 200, json: document };
    },
  });
  const document = openApiDocument([...routes, self], info);
  return [self];
}
