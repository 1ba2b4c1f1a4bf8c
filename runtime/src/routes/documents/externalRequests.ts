import type { Knex } from 'knex';
import { formatAthensDateTime } from '../../applications/formatAthensDateTime.js';
import { answerExternalRequest, type AnswerError } from '../../documents/answerExternalRequest.js';
import type { ExternalAnswer } from '../../documents/ExternalRequest.js';
import { listExternalRequests } from '../../documents/listExternalRequests.js';
import type { EngineClient } from '../../engine/EngineClient.js';
import { apiError, defineApiRoute, type ApiReply, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import { translator, type Translate } from '../../i18n/index.js';
import { anyOf, hasScope, staff } from '../../policies/Policy.js';
import { presentExternalRequest } from './presentDocument.js';
import { answerBody, externalRequestQuery, externalRequestSchema, requestIdParams } from './schema.js';

/** What the external request routes need; without an engine, answers are refused with 503. */
export interface ExternalRequestRouteDependencies {
  readonly knex: Knex;
  readonly engine: Pick<EngineClient, 'publishMessage'> | undefined;
}

/** Staff (in scope) or a system that handles opinions for them. */
const opinionHandlers = anyOf(staff, hasScope('opinions:write'));

function refusal(error: AnswerError, t: Translate): ApiReply {
  switch (error.id) {
    case 'external_request_not_found':
      return apiError(404, error.id, t('externalRequest.notFound'), 'params.requestId');
    case 'external_request_already_answered':
      return {
        status: 409,
        json: {
          error: {
            id: error.id,
            message: t('externalRequest.alreadyAnswered').replace('{time}', formatAthensDateTime(error.answeredAt)),
            answeredAt: error.answeredAt.toISOString(),
          },
        },
      };
    case 'attachment_not_usable':
      return apiError(422, error.id, t('externalRequest.attachmentNotUsable'), 'body.attachmentId');
    case 'engine_unavailable':
      return apiError(503, error.id, t('externalRequest.engineUnavailable'));
  }
}

/** The requests sent to other authorities (the police opinion) and the answers recorded for them. */
export function externalRequestRoutes({ knex, engine }: ExternalRequestRouteDependencies): ApiRoute[] {
  return [
    defineApiRoute<undefined, { status?: 'open' | 'answered' | 'all' }>({
      method: 'get',
      path: '/external-requests',
      operationId: 'listExternalRequests',
      summary:
        'Requests for an opinion sent to other authorities, oldest first: open ones by default (status=answered or all for others). Staff see those of applications in their scope.',
      tag: 'external-requests',
      policy: opinionHandlers,
      query: externalRequestQuery,
      responses: {
        200: {
          description: 'The requests.',
          schema: { type: 'object', properties: { requests: { type: 'array', items: externalRequestSchema } } },
        },
      },
      async handle({ query, principal }) {
        const requests = await listExternalRequests(knex, principal, query.status ?? 'open');
        return { status: 200, json: { requests: requests.map(presentExternalRequest) } };
      },
    }),
    defineApiRoute<ExternalAnswer, Record<string, never>, { requestId: string }>({
      method: 'post',
      path: '/external-requests/:requestId/answer',
      operationId: 'answerExternalRequest',
      summary:
        'Records the opinion received for a request (once) and lets the waiting process move on (message police-opinion with policeOpinion and policeRemarks)',
      tag: 'external-requests',
      policy: opinionHandlers,
      params: requestIdParams,
      body: answerBody,
      responses: {
        200: { description: 'Recorded; the process has the answer.', schema: externalRequestSchema },
        404: { description: 'There is no such request, or it is not in your scope.' },
        409: { description: 'The request was answered before (external_request_already_answered, with answeredAt).' },
        422: { description: 'The attachment cannot be used for this answer.' },
        503: { description: 'The engine did not take the answer; nothing was recorded.' },
      },
      async handle({ params, body, principal, actor, req }) {
        const t = translator(languageOf(req));
        if (!engine) return apiError(503, 'external_requests_not_configured', t('externalRequest.notConfigured'));
        const answer: ExternalAnswer = {
          opinion: body.opinion,
          text: body.text,
          ...(body.attachmentId ? { attachmentId: body.attachmentId } : {}),
        };
        const result = await answerExternalRequest(knex, engine, actor, principal, params.requestId, answer);
        return result.ok ? { status: 200, json: presentExternalRequest(result.value) } : refusal(result.error, t);
      },
    }),
  ];
}
