import type { Knex } from 'knex';
import type { ApiRoute } from '../http/ApiRoute.js';
import { API_SCOPE_DESCRIPTIONS } from '../policies/apiScopes.js';
import { apiClientRoutes } from './api-clients/apiClients.js';
import { auditRoutes } from './audit/audit.js';
import { meRoutes } from './me/me.js';
import { openApiRoutes } from './openapi/openapi.js';
import { orgDeputyRoutes } from './org-deputies/orgDeputies.js';
import { orgExchangeRoutes } from './org-exchange/orgExchange.js';
import { orgUnitRoutes } from './org-units/orgUnits.js';
import { orgUserRoutes } from './org-users/orgUsers.js';

/** What the API's routes need from the runtime. */
export interface ApiRouteDependencies {
  readonly knex: Knex;
  readonly csrfSecret: string;
  readonly publicUrl: string;
  readonly version: string;
}

/** Every route of the JSON API, and the OpenAPI document that describes them. */
export function apiRoutes(deps: ApiRouteDependencies): ApiRoute[] {
  const routes = [
    ...meRoutes(deps),
    ...apiClientRoutes(deps),
    ...orgUnitRoutes(deps),
    ...orgUserRoutes(deps),
    ...orgDeputyRoutes(deps),
    ...orgExchangeRoutes(deps),
    ...auditRoutes(deps),
  ];
  return [
    ...routes,
    ...openApiRoutes(routes, { publicUrl: deps.publicUrl, version: deps.version, scopes: API_SCOPE_DESCRIPTIONS }),
  ];
}
