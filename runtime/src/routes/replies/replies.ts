import type { Knex } from 'knex';
import { listApplications } from '../../applications/listApplications.js';
import { staffMayReadApplications } from '../../applications/staffMayReadApplications.js';
import type { SubmissionDependencies } from '../../applications/submitApplication.js';
import { apiError, defineApiRoute, type ApiReply, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import { translator, type Translate } from '../../i18n/index.js';
import { citizen, signedIn } from '../../policies/Policy.js';
import type { ServiceDefinition } from '../../procedures/serviceDefinitionSchema.js';
import { replyStateOf } from '../../replies/replyStateOf.js';
import { submitReply, type ReplyError } from '../../replies/submitReply.js';
import { applicationIdParams } from '../applications/schema.js';
import { presentReply } from './presentReply.js';
import { replyStateSchema, storedReplySchema, submitReplyBody } from './schema.js';

/** What the reply routes need; without `submissions` (no form validation) POST answers 503. */
export interface ReplyRouteDependencies {
  readonly knex: Knex;
  readonly submissions?: Pick<SubmissionDependencies, 'validator'> | undefined;
  readonly services?: readonly ServiceDefinition[];
}

function refusal(error: ReplyError, t: Translate): ApiReply {
  switch (error.id) {
    case 'application_not_found':
      return apiError(404, error.id, t('reply.applicationNotFound'), 'params.applicationId');
    case 'message_not_answerable':
      return apiError(400, error.id, t('reply.messageNotAnswerable'), 'body.messageName');
    case 'reply_not_awaited':
      return apiError(409, error.id, t('reply.notAwaited'), 'body.messageName');
    case 'form_not_published':
      return apiError(409, error.id, t('application.formNotPublished'));
    case 'idempotency_key_reused':
      return apiError(422, error.id, t('reply.idempotencyKeyReused'), 'body.idempotencyKey');
    case 'invalid_reply': {
      const problems = error.errors.map((e) => ({ field: `body.data.${e.field}`, key: e.key, message: e.message }));
      return {
        status: 400,
        json: { error: { id: error.id, message: t('application.invalid'), field: problems[0]?.field, problems } },
      };
    }
  }
}

/** Citizens answer their applications' requests for more information; they and staff in scope read the replies. */
export function replyRoutes({ knex, submissions, services = [] }: ReplyRouteDependencies): ApiRoute[] {
  return [
    defineApiRoute<
      { messageName: string; data: Record<string, unknown>; idempotencyKey: string },
      Record<string, never>,
      { applicationId: string }
    >({
      method: 'post',
      path: '/applications/:applicationId/replies',
      operationId: 'submitReply',
      summary:
        'Answer a request for more information: only while the application waits for that message (its awaitingReply); validated against the latest version of the message’s form, stored, and published to the process. A retry with the same idempotencyKey answers the same reply (200).',
      tag: 'applications',
      policy: citizen,
      params: applicationIdParams,
      body: submitReplyBody,
      responses: {
        201: { description: 'Stored; the process receives it shortly.', schema: storedReplySchema },
        200: { description: 'Stored earlier with the same idempotencyKey.', schema: storedReplySchema },
        400: { description: 'Fields to correct (invalid_reply), or a message the service takes no reply to.' },
        404: { description: 'There is no such application of yours.' },
        409: { description: 'The application is not waiting for this message (reply_not_awaited).' },
        422: { description: 'The idempotencyKey was used for another reply.' },
        503: { description: 'Replies are not configured on this server.' },
      },
      async handle({ body, params, principal, actor, req }) {
        const t = translator(languageOf(req));
        if (!submissions) return apiError(503, 'replies_not_configured', t('reply.notConfigured'));
        if (principal.kind !== 'user') throw new Error('Expected a signed-in citizen, but the policy let another in');
        const result = await submitReply(
          knex,
          actor,
          {
            applicationId: params.applicationId,
            messageName: body.messageName,
            data: body.data,
            idempotencyKey: body.idempotencyKey,
            citizenUserId: principal.user.id,
          },
          { validator: submissions.validator, services },
        );
        if (!result.ok) return refusal(result.error, t);
        const { value } = result;
        return {
          status: result.created ? 201 : 200,
          json: {
            reply: {
              replyId: value.replyId,
              applicationId: value.applicationId,
              messageName: value.messageName,
              submittedAt: value.submittedAt.toISOString(),
            },
          },
        };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { applicationId: string }>({
      method: 'get',
      path: '/applications/:applicationId/replies',
      operationId: 'listReplies',
      summary:
        'What the application waits for from its citizen (awaitingReply, with the form to answer it) and the replies sent, oldest first: for the citizen and staff in scope',
      tag: 'applications',
      policy: signedIn,
      params: applicationIdParams,
      responses: {
        200: { description: 'The reply state.', schema: replyStateSchema },
        404: { description: 'There is no such application, or it is not yours to see.' },
      },
      async handle({ params, principal, req }) {
        const notFound = apiError(
          404,
          'application_not_found',
          translator(languageOf(req))('reply.applicationNotFound'),
          'params.applicationId',
        );
        if (principal.kind !== 'user') return notFound;
        const [view] = await listApplications(knex, { applicationId: params.applicationId }, 1);
        if (!view) return notFound;
        const mayRead =
          view.citizenUserId === principal.user.id ||
          (await staffMayReadApplications(knex, principal.user, view.ownerUnitId));
        if (!mayRead) return notFound;
        const state = await replyStateOf(knex, view);
        return {
          status: 200,
          json: {
            awaitingReply: state.awaitingReply && {
              messageName: state.awaitingReply.messageName,
              formId: state.awaitingReply.formId,
              since: state.awaitingReply.since.toISOString(),
            },
            replies: state.replies.map(presentReply),
          },
        };
      },
    }),
  ];
}
