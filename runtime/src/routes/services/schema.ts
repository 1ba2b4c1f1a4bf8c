import type { JsonSchema } from '../../http/ApiRoute.js';
import { serviceDefinitionSchema } from '../../procedures/serviceDefinitionSchema.js';

/** One e-service as the catalogue shows it: its definition file, as validated at start-up. */
export const serviceSchema: JsonSchema = (({ $schema: _schema, $id: _id, ...schema }) => schema)(
  serviceDefinitionSchema as unknown as Record<string, unknown>,
);

/** The catalogue. */
export const serviceListSchema: JsonSchema = {
  type: 'object',
  required: ['services'],
  properties: { services: { type: 'array', items: serviceSchema } },
};

/** The path parameter naming an e-service: its process id. */
export const serviceIdParams: JsonSchema = {
  type: 'object',
  required: ['serviceId'],
  properties: { serviceId: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 100 } },
};
