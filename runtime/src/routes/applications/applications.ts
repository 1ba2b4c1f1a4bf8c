import type { Knex } from 'knex';
import { listApplications } from '../../applications/listApplications.js';
import { staffMayReadApplications } from '../../applications/staffMayReadApplications.js';
import {
  submitApplication,
  type SubmissionDependencies,
  type SubmissionError,
} from '../../applications/submitApplication.js';
import { apiError, defineApiRoute, type ApiReply, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import { translator, type Translate } from '../../i18n/index.js';
import { citizen, signedIn } from '../../policies/Policy.js';
import { presentApplication } from './presentApplication.js';
import {
  applicationIdParams,
  applicationSchema,
  applicationSummarySchema,
  receiptSchema,
  submitApplicationBody,
} from './schema.js';

/** What the application routes need; without `submissions` (no service catalog or forms yet) POST answers 503. */
export interface ApplicationRouteDependencies {
  readonly knex: Knex;
  readonly submissions?: SubmissionDependencies | undefined;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

function refusal(error: SubmissionError, t: Translate): ApiReply {
  switch (error.id) {
    case 'service_not_found':
      return apiError(404, error.id, t('application.serviceNotFound'), 'body.serviceId');
    case 'form_not_published':
      return apiError(409, error.id, t('application.formNotPublished'));
    case 'idempotency_key_reused':
      return apiError(422, error.id, t('application.idempotencyKeyReused'), 'headers.idempotency-key');
    case 'invalid_submission': {
      const problems = error.errors.map((e) => ({ field: `body.data.${e.field}`, key: e.key, message: e.message }));
      return {
        status: 400,
        json: { error: { id: error.id, message: t('application.invalid'), field: problems[0]?.field, problems } },
      };
    }
  }
}

const notFound = () => apiError(404, 'application_not_found', 'There is no such application.', 'params.applicationId');

/** Citizens submit applications to e-services and follow them; staff in scope read them. */
export function applicationRoutes({ knex, submissions }: ApplicationRouteDependencies): ApiRoute[] {
  return [
    defineApiRoute<{ serviceId: string; data: Record<string, unknown> }>({
      method: 'post',
      path: '/applications',
      operationId: 'submitApplication',
      summary:
        'Submit an application: validated, registered with a protocol number, its process started. Send an Idempotency-Key header (8–200 characters, new per application): a retry with the same key answers the same application (200).',
      tag: 'applications',
      policy: citizen,
      body: submitApplicationBody,
      responses: {
        201: { description: 'Registered: the receipt.', schema: receiptSchema },
        200: {
          description: 'Registered earlier with the same Idempotency-Key: the same receipt.',
          schema: receiptSchema,
        },
        404: { description: 'There is no such e-service.' },
        409: { description: 'The service’s form is not published.' },
        422: { description: 'The Idempotency-Key was used for an application to another service.' },
        503: { description: 'Submissions are not configured on this server.' },
      },
      async handle({ body, principal, actor, req }) {
        const t = translator(languageOf(req));
        const key = req.get('idempotency-key');
        if (key === undefined || !IDEMPOTENCY_KEY.test(key))
          return apiError(
            400,
            'idempotency_key_required',
            'Send an Idempotency-Key header of 8–200 letters, digits or ._:- (e.g. a UUID), new for each application and the same on a retry.',
            'headers.idempotency-key',
          );
        if (!submissions) return apiError(503, 'submissions_not_configured', t('application.notConfigured'));
        if (principal.kind !== 'user') throw new Error('Expected a signed-in citizen, but the policy let another in');
        const result = await submitApplication(
          knex,
          actor,
          { serviceId: body.serviceId, data: body.data, idempotencyKey: key, citizenUserId: principal.user.id },
          submissions,
        );
        if (!result.ok) return refusal(result.error, t);
        const { value } = result;
        return {
          status: result.created ? 201 : 200,
          json: {
            applicationId: value.applicationId,
            protocolNumber: value.protocolNumber,
            registeredAt: value.registeredAt.toISOString(),
            registeredAtText: value.registeredAtText,
            dueDate: value.dueDate,
            receipt: t('application.receipt')
              .replace('{number}', value.protocolNumber)
              .replace('{time}', value.registeredAtText),
          },
        };
      },
    }),
    defineApiRoute({
      method: 'get',
      path: '/applications/mine',
      operationId: 'listMyApplications',
      summary: 'The signed-in citizen’s applications, newest first, with their status',
      tag: 'applications',
      policy: citizen,
      responses: {
        200: {
          description: 'Their applications.',
          schema: { type: 'object', properties: { applications: { type: 'array', items: applicationSummarySchema } } },
        },
      },
      async handle({ principal }) {
        if (principal.kind !== 'user') throw new Error('Expected a signed-in citizen, but the policy let another in');
        const views = await listApplications(knex, { citizenUserId: principal.user.id });
        return { status: 200, json: { applications: views.map((v) => presentApplication(v, false)) } };
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { applicationId: string }>({
      method: 'get',
      path: '/applications/:applicationId',
      operationId: 'getApplication',
      summary: 'One application with its data and attachments: for the citizen who submitted it and staff in scope',
      tag: 'applications',
      policy: signedIn,
      params: applicationIdParams,
      responses: {
        200: { description: 'The application.', schema: applicationSchema },
        404: { description: 'There is no such application, or it is not yours to see.' },
      },
      async handle({ params, principal }) {
        if (principal.kind !== 'user') return notFound();
        const [view] = await listApplications(knex, { applicationId: params.applicationId }, 1);
        if (!view) return notFound();
        const mayRead =
          view.citizenUserId === principal.user.id ||
          (await staffMayReadApplications(knex, principal.user, view.ownerUnitId));
        return mayRead ? { status: 200, json: presentApplication(view, true) } : notFound();
      },
    }),
  ];
}
