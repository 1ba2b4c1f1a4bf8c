import type { Knex } from 'knex';
import { deleteDraft } from '../../drafts/deleteDraft.js';
import type { Draft } from '../../drafts/Draft.js';
import { findDraft } from '../../drafts/findDraft.js';
import { MAX_DRAFT_BYTES, saveDraft } from '../../drafts/saveDraft.js';
import { apiError, defineApiRoute, type ApiReply, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import { translator } from '../../i18n/index.js';
import { citizen } from '../../policies/Policy.js';
import type { Principal } from '../../policies/Principal.js';
import type { ServiceDefinition } from '../../procedures/serviceDefinitionSchema.js';
import type { Request } from 'express';
import { serviceIdParams } from '../services/schema.js';
import { draftReplySchema, saveDraftBody } from './schema.js';

/** What the draft routes need. */
export interface DraftRouteDependencies {
  readonly knex: Knex;
  readonly services?: readonly ServiceDefinition[];
}

type Params = { serviceId: string };

const present = (draft: Draft | undefined) => ({
  draft: draft ? { ...draft, savedAt: draft.savedAt.toISOString() } : null,
});

function citizenId(principal: Principal): string {
  if (principal.kind !== 'user') throw new Error('Expected a signed-in citizen, but the policy let another in');
  return principal.user.id;
}

/** Citizens keep one draft per service while they fill in its application: read, save (autosave) and discard. */
export function draftRoutes({ knex, services = [] }: DraftRouteDependencies): ApiRoute[] {
  const known = new Set(services.map((s) => s.processId));
  const unknown = (serviceId: string, req: Request): ApiReply | undefined =>
    known.has(serviceId)
      ? undefined
      : apiError(404, 'service_not_found', translator(languageOf(req))('draft.serviceNotFound'), 'params.serviceId');
  return [
    defineApiRoute<undefined, Record<string, never>, Params>({
      method: 'get',
      path: '/services/:serviceId/draft',
      operationId: 'getDraft',
      summary: 'The signed-in citizen’s draft application to the service, or null',
      tag: 'drafts',
      policy: citizen,
      params: serviceIdParams,
      responses: {
        200: { description: 'The draft, or null when there is none.', schema: draftReplySchema },
        404: { description: 'There is no such e-service.' },
      },
      async handle({ params, principal, req }) {
        return (
          unknown(params.serviceId, req) ?? {
            status: 200,
            json: present(await findDraft(knex, citizenId(principal), params.serviceId)),
          }
        );
      },
    }),
    defineApiRoute<
      { formId: string; formVersion: number; data: Record<string, unknown> },
      Record<string, never>,
      Params
    >({
      method: 'put',
      path: '/services/:serviceId/draft',
      operationId: 'saveDraft',
      summary:
        'Save the signed-in citizen’s draft application to the service, replacing the one before: not validated, at most 256 KB of JSON; deleted when the application is submitted',
      tag: 'drafts',
      policy: citizen,
      params: serviceIdParams,
      body: saveDraftBody,
      responses: {
        200: { description: 'Saved.', schema: draftReplySchema },
        404: { description: 'There is no such e-service.' },
        413: { description: 'The data is over 256 KB of JSON (draft_too_large).' },
      },
      async handle({ params, body, principal, req }) {
        const refused = unknown(params.serviceId, req);
        if (refused) return refused;
        const saved = await saveDraft(knex, citizenId(principal), {
          serviceId: params.serviceId,
          formId: body.formId,
          formVersion: body.formVersion,
          data: body.data,
        });
        if (!saved.ok)
          return apiError(
            413,
            saved.error.id,
            translator(languageOf(req))('draft.tooLarge').replace('{limit}', String(MAX_DRAFT_BYTES / 1024)),
            'body.data',
          );
        return { status: 200, json: present(saved.value) };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, Params>({
      method: 'delete',
      path: '/services/:serviceId/draft',
      operationId: 'deleteDraft',
      summary: 'Discard the signed-in citizen’s draft application to the service (also when there is none)',
      tag: 'drafts',
      policy: citizen,
      params: serviceIdParams,
      responses: { 204: { description: 'Discarded.' }, 404: { description: 'There is no such e-service.' } },
      async handle({ params, principal, req }) {
        const refused = unknown(params.serviceId, req);
        if (refused) return refused;
        await deleteDraft(knex, citizenId(principal), params.serviceId);
        return { status: 204 };
      },
    }),
  ];
}
