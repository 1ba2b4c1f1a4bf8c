import type { Knex } from 'knex';
import type { AttachmentStore } from '../attachments/AttachmentStore.js';
import type { EngineJob } from '../engine/JobWorker.js';
import { systemActor } from '../orgchart/Actor.js';
import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';
import { DOCUMENT_TEMPLATES } from './documentTemplates.js';
import type { DocumentTemplate } from './DocumentTemplate.js';
import type { DocumentFacts } from './DocumentFacts.js';
import { issueDocument, type DocumentIssue } from './issueDocument.js';
import type { IssuedDocument } from './IssuedDocument.js';
import { loadDocumentFacts } from './loadDocumentFacts.js';
import { verificationSecret } from './verificationCodeOf.js';

/** What the document job workers need from the runtime. */
export interface DocumentWorkerDependencies {
  readonly knex: Knex;
  readonly store: AttachmentStore;
  /** The installation's public URL, printed with each verification code. */
  readonly publicUrl: string;
  /** The e-services (titles and legal bases). */
  readonly services: readonly ServiceDefinition[];
  readonly now?: () => Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Issues the document a job asks for, once per element instance: checks the template and the `applicationId`
 * variable, fills the template in from the application and the job's variables, and stores the PDF.
 * @throws Error (failing the job; an incident once its retries run out) naming the element, the template and the
 * variable at fault, when the template is unknown, the application is missing or a variable is missing.
 */
export async function documentFromJob(
  deps: DocumentWorkerDependencies,
  job: EngineJob,
  templateId: unknown,
  also?: (trx: Knex.Transaction, document: IssuedDocument, facts: DocumentFacts) => Promise<void>,
): Promise<IssuedDocument> {
  const template: DocumentTemplate | undefined =
    typeof templateId === 'string' ? DOCUMENT_TEMPLATES.get(templateId) : undefined;
  if (!template || template.kind === 'receipt')
    throw new Error(
      `Expected the template of ${job.elementId} to name a document template (${[...DOCUMENT_TEMPLATES.values()]
        .filter((t) => t.kind !== 'receipt')
        .map((t) => t.id)
        .join(', ')}), but got ${JSON.stringify(templateId) ?? 'nothing'}`,
    );
  const where = `${job.elementId} (template ${template.id})`;
  const applicationId = job.variables.applicationId;
  if (typeof applicationId !== 'string' || !UUID.test(applicationId))
    throw new Error(
      `Cannot issue the document of ${where}: the variable applicationId must be an application's id, but got ${JSON.stringify(applicationId) ?? 'nothing'}`,
    );
  const facts = await loadDocumentFacts(deps.knex, applicationId, deps.services, job.variables);
  if (!facts)
    throw new Error(
      `Cannot issue the document of ${where}: the variable applicationId names no application (${applicationId})`,
    );
  const body = template.build(facts);
  if (!body.ok)
    throw new Error(`Cannot issue the document of ${where}: ${body.error.message} (variable ${body.error.variable})`);
  const issue: DocumentIssue = {
    applicationId,
    template,
    body: body.value,
    issuer: facts.issuer,
    issuedAt: (deps.now ?? (() => new Date()))(),
    job: {
      key: job.key,
      elementInstanceKey: job.elementInstanceKey,
      processInstanceKey: job.processInstanceKey,
      elementId: job.elementId,
    },
  };
  const secret = await verificationSecret(deps.knex);
  const issued = await issueDocument(
    deps.knex,
    { store: deps.store, publicUrl: deps.publicUrl, secret },
    systemActor,
    issue,
    also && ((trx, document) => also(trx, document, facts)),
  );
  return issued.document;
}
