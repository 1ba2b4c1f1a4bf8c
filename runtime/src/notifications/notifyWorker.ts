import type { Knex } from 'knex';
import { formatAthensDateTime } from '../applications/formatAthensDateTime.js';
import type { JobHandler } from '../engine/JobWorker.js';
import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';
import type { NotificationParam } from './NotificationChannel.js';
import { isNotificationTemplate, templatePlaceholders } from './notificationTemplates.js';
import { notify } from './notify.js';

/** The job type of the service tasks that tell the citizen about their application. */
export const NOTIFY_JOB_TYPE = 'polis:notify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A process variable as a template shows it: date-times in Athens time, lists of texts as they are. */
function paramOf(value: unknown): NotificationParam | undefined {
  if (typeof value === 'string') return DATE_TIME.test(value) ? formatAthensDateTime(new Date(value)) : value;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(String);
  return undefined;
}

/**
 * The handler of `polis:notify` jobs: tells the citizen of the application (variable `applicationId`) what the
 * template (header `template`, texts `notification.<template>.title/.body` of the i18n catalogues) says, with the
 * application's protocol number and service title and the process variables the template's placeholders name.
 * Idempotent per job: a retried job does not notify twice.
 * @throws Error (failing the job, then an incident) naming the element when the template is unknown or the
 * application is missing.
 */
export function notifyWorker({
  knex,
  services,
}: {
  readonly knex: Knex;
  readonly services: readonly ServiceDefinition[];
}): JobHandler {
  return async (job) => {
    const template = job.customHeaders.template;
    if (typeof template !== 'string' || !isNotificationTemplate(template))
      throw new Error(
        `Expected the header template of ${job.elementId} to name a notification template (notification.<template>.title and .body in the i18n catalogues), but got ${JSON.stringify(template ?? null)}`,
      );
    const applicationId = job.variables.applicationId;
    if (typeof applicationId !== 'string' || !UUID.test(applicationId))
      throw new Error(
        `Expected the variable applicationId of ${job.elementId} (template ${template}) to be an application id, but got ${JSON.stringify(applicationId ?? null)}`,
      );
    await knex.transaction(async (trx) => {
      const application = (await trx('application')
        .where({ id: applicationId })
        .first('citizen_user_id', 'protocol_number', 'service_id')) as
        { citizen_user_id: string; protocol_number: string; service_id: string } | undefined;
      if (!application)
        throw new Error(
          `Expected an application ${applicationId} for ${job.elementId} (template ${template}), but there is none`,
        );
      const service = services.find((s) => s.processId === application.service_id);
      const params: Record<string, NotificationParam> = {};
      for (const name of templatePlaceholders(template)) {
        const value = paramOf(job.variables[name]);
        if (value !== undefined) params[name] = value;
      }
      params.protocolNumber = application.protocol_number;
      params.serviceTitle = service?.title ?? application.service_id;
      await notify(trx, {
        recipientUserId: application.citizen_user_id,
        template,
        params,
        applicationId,
        sourceKey: `job:${job.key}`,
      });
    });
    return undefined;
  };
}
