import type { Knex } from 'knex';
import type { ApiRoute } from '../http/ApiRoute.js';
import { API_SCOPE_DESCRIPTIONS } from '../policies/apiScopes.js';
import type { SubmissionDependencies } from '../applications/submitApplication.js';
import type { AttachmentStore } from '../attachments/AttachmentStore.js';
import { apiClientRoutes } from './api-clients/apiClients.js';
import { applicationRoutes } from './applications/applications.js';
import { attachmentRoutes } from './attachments/attachments.js';
import { auditRoutes } from './audit/audit.js';
import { formRoutes } from './forms/forms.js';
import { meRoutes } from './me/me.js';
import { serviceRoutes } from './services/services.js';
import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';
import { openApiRoutes } from './openapi/openapi.js';
import { orgDeputyRoutes } from './org-deputies/orgDeputies.js';
import { orgExchangeRoutes } from './org-exchange/orgExchange.js';
import { orgUnitRoutes } from './org-units/orgUnits.js';
import { orgUserRoutes } from './org-users/orgUsers.js';
import { taskRoutes } from './tasks/tasks.js';
import type { EngineClient } from '../engine/EngineClient.js';

/** What the API's routes need from the runtime. */
export interface ApiRouteDependencies {
  readonly knex: Knex;
  readonly csrfSecret: string;
  readonly publicUrl: string;
  readonly version: string;
  /** The service catalog, form validation and calendar submissions need; POST /applications answers 503 without. */
  readonly submissions?: SubmissionDependencies | undefined;
  /** Where attachments are stored and how large one may be; the attachment routes answer 503 without. */
  readonly attachments?: { readonly store: AttachmentStore; readonly maxBytes: number } | undefined;
  /** The e-services of the catalogue (process-definitions/*.service.json). */
  readonly services?: readonly ServiceDefinition[];
  /** The engine, through which tasks are completed; POST /tasks/:taskId/complete answers 503 without. */
  readonly tasks?: { readonly engine: EngineClient } | undefined;
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
    ...serviceRoutes({ services: deps.services ?? [] }),
    ...formRoutes(deps),
    ...applicationRoutes(deps),
    ...attachmentRoutes(deps),
    ...taskRoutes({ knex: deps.knex, engine: deps.tasks?.engine }),
  ];
  return [
    ...routes,
    ...openApiRoutes(routes, { publicUrl: deps.publicUrl, version: deps.version, scopes: API_SCOPE_DESCRIPTIONS }),
  ];
}
