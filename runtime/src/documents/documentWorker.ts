import type { JobHandler } from '../engine/JobWorker.js';
import { documentFromJob, type DocumentWorkerDependencies } from './documentFromJob.js';

/** The job type of the service tasks that issue an outcome document (certificate, permit). */
export const DOCUMENT_JOB_TYPE = 'polis:document';

/**
 * The handler of `polis:document` jobs: issues the document of the template named by the `template` header for
 * the application of the `applicationId` variable, once per element instance (a retried job gets the same
 * document), and completes the job with `outcomeDocumentId` (the document's id, for
 * /api/v1/documents/:documentId/content) and `outcomeDocumentNumber` (its outgoing protocol number, ΕΞ-yyyy/nnnnnn).
 * @throws Error (failing the job) naming the element, the template and the variable when it cannot be issued.
 */
export function documentWorker(deps: DocumentWorkerDependencies): JobHandler {
  return async (job) => {
    const document = await documentFromJob(deps, job, job.customHeaders.template);
    return { outcomeDocumentId: document.id, outcomeDocumentNumber: document.number };
  };
}
