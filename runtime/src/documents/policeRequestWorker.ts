import type { Knex } from 'knex';
import type { JobHandler } from '../engine/JobWorker.js';
import { systemActor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { documentFromJob, type DocumentWorkerDependencies } from './documentFromJob.js';

/** The job type of the send task that asks the police for its opinion. */
export const POLICE_REQUEST_JOB_TYPE = 'polis:police-request';

/** The message the process waits for after the request, correlated by the application's id. */
export const POLICE_OPINION_MESSAGE = 'police-opinion';

async function requestOf(knex: Knex, elementInstanceKey: string) {
  return (await knex('external_request')
    .where({ element_instance_key: elementInstanceKey })
    .first('id', 'document_id')) as { id: string; document_id: string } | undefined;
}

/**
 * The handler of `polis:police-request` jobs: issues the `police-request` letter and records the request
 * (external_request: recipient police, message police-opinion, correlation key = applicationId) in the same
 * transaction, once per element instance; completes the job with `policeRequestId` and `policeRequestDocumentId`.
 * The opinion is recorded later through POST /api/v1/external-requests/:requestId/answer, which publishes the
 * message. Sending the letter itself (ΚΣΗΔΕ, e-mail) is left to the clerks for now: they find it in the list.
 * @throws Error (failing the job) naming the element, the template and the variable when it cannot be issued.
 */
export function policeRequestWorker(deps: DocumentWorkerDependencies): JobHandler {
  return async (job) => {
    const earlier = await requestOf(deps.knex, job.elementInstanceKey);
    if (earlier) return { policeRequestId: earlier.id, policeRequestDocumentId: earlier.document_id };
    const document = await documentFromJob(deps, job, 'police-request', async (trx, letter, facts) => {
      const [request] = (await trx('external_request')
        .insert({
          application_id: facts.application.id,
          recipient: 'police',
          message_name: POLICE_OPINION_MESSAGE,
          correlation_key: facts.application.id,
          document_id: letter.id,
          element_instance_key: job.elementInstanceKey,
          process_instance_key: job.processInstanceKey,
          sent_at: letter.issuedAt,
        })
        .returning('id')) as { id: string }[];
      await appendAudit(trx, systemActor, {
        action: 'external_request.sent',
        objectType: 'external_request',
        objectId: request!.id,
        details: { applicationId: facts.application.id, recipient: 'police', documentId: letter.id },
      });
    });
    const request = await requestOf(deps.knex, job.elementInstanceKey);
    if (!request) throw new Error(`Expected the police request of ${job.elementId} to be recorded with its letter`);
    return { policeRequestId: request.id, policeRequestDocumentId: document.id };
  };
}
