import { apiError, defineApiRoute, type ApiRoute } from '../../http/ApiRoute.js';
import { anyone } from '../../policies/Policy.js';
import type { ServiceDefinition } from '../../procedures/serviceDefinitionSchema.js';
import { serviceIdParams, serviceListSchema, serviceSchema } from './schema.js';

/** The public catalogue of e-services: what a citizen can apply for, with what, how long it takes, what it costs. */
export function serviceRoutes({ services }: { services: readonly ServiceDefinition[] }): ApiRoute[] {
  const byId = new Map(services.map((s) => [s.processId, s]));
  return [
    defineApiRoute({
      method: 'get',
      path: '/services',
      operationId: 'listServices',
      summary: 'The e-services citizens can apply for',
      tag: 'services',
      policy: anyone,
      responses: { 200: { description: 'Every e-service, by category and title.', schema: serviceListSchema } },
      async handle() {
        const sorted = [...services].sort(
          (a, b) => a.category.localeCompare(b.category) || a.title.el.localeCompare(b.title.el, 'el'),
        );
        return { status: 200, json: { services: sorted } };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { serviceId: string }>({
      method: 'get',
      path: '/services/:serviceId',
      operationId: 'getService',
      summary: 'One e-service',
      tag: 'services',
      policy: anyone,
      params: serviceIdParams,
      responses: {
        200: { description: 'The e-service.', schema: { type: 'object', properties: { service: serviceSchema } } },
      },
      async handle({ params }) {
        const service = byId.get(params.serviceId);
        return service
          ? { status: 200, json: { service } }
          : apiError(404, 'service_not_found', `No e-service has id ${params.serviceId}.`, 'params.serviceId');
      },
    }),
  ];
}
