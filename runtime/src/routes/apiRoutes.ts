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
import { notificationRoutes } from './notifications/notifications.js';
import { serviceRoutes } from './services/services.js';
import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';
import { openApiRoutes } from './openapi/openapi.js';
import { orgDeputyRoutes } from './org-deputies/orgDeputies.js';
import { orgExchangeRoutes } from './org-exchange/orgExchange.js';
import { orgUnitRoutes } from './org-units/orgUnits.js';
import { orgUserRoutes } from './org-users/orgUsers.js';
import { taskRoutes } from './tasks/tasks.js';
import { replyRoutes } from './replies/replies.js';
import { draftRoutes } from './drafts/drafts.js';
import type { EngineClient } from '../engine/EngineClient.js';
import type { TaskEventStreamOptions } from '../tasks/events/streamTaskEvents.js';
import { designRoutes } from './designs/designs.js';
import { documentRoutes } from './documents/documents.js';
import { externalRequestRoutes } from './documents/externalRequests.js';

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
  readonly tasks?: { readonly engine: EngineClient; readonly eventStream?: TaskEventStreamOptions } | undefined;
  /** The engine the designer deploys process designs to; POST /designs/:designId/deploy answers 503 without. */
  readonly designs?: { readonly engine: EngineClient } | undefined;
  /** The engine that answers to other authorities' opinions are published to; POST …/answer answers 503 without. */
  readonly opinions?: { readonly engine: EngineClient } | undefined;
}

/** Every route of the JSON API, and the OpenAPI document that describes them. */
export function apiRoutes(deps: ApiRouteDependencies): ApiRoute[] {
  const routes = [
    ...meRoutes(deps),
    ...notificationRoutes(deps),
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
    ...replyRoutes(deps),
    ...draftRoutes(deps),
    ...taskRoutes({
      knex: deps.knex,
      engine: deps.tasks?.engine,
      services: deps.services,
      eventStream: deps.tasks?.eventStream,
    }),
    ...designRoutes({ knex: deps.knex, engine: deps.designs?.engine }),
    ...documentRoutes({
      knex: deps.knex,
      store: deps.attachments?.store,
      publicUrl: deps.publicUrl,
      services: deps.services ?? [],
    }),
    ...externalRequestRoutes({ knex: deps.knex, engine: deps.opinions?.engine }),
  ];
  return [
    ...routes,
    ...openApiRoutes(routes, { publicUrl: deps.publicUrl, version: deps.version, scopes: API_SCOPE_DESCRIPTIONS }),
  ];
}
