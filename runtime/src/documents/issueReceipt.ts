import type { Knex } from 'knex';
import type { AttachmentStore } from '../attachments/AttachmentStore.js';
import type { Actor } from '../orgchart/Actor.js';
import type { ServiceDefinition } from '../procedures/serviceDefinitionSchema.js';
import { issueDocument } from './issueDocument.js';
import { issuedDocumentFromRow, type DocumentRow, type IssuedDocument } from './IssuedDocument.js';
import { loadDocumentFacts } from './loadDocumentFacts.js';
import { receiptTemplate } from './templates/receiptTemplate.js';
import { verificationSecret } from './verificationCodeOf.js';

/** What issuing a receipt needs. */
export interface ReceiptDependencies {
  readonly store: AttachmentStore;
  readonly publicUrl: string;
  readonly services: readonly ServiceDefinition[];
}

/**
 * The application's receipt (αποδεικτικό υποβολής), issued and stored the first time it is asked for and served
 * from the store ever after. It shows only what was registered (number, time, data, attachments), dated at the
 * registration, so it reads the same whenever it is first asked for. Undefined when there is no such application.
 */
export async function issueReceipt(
  knex: Knex,
  deps: ReceiptDependencies,
  actor: Actor,
  applicationId: string,
): Promise<IssuedDocument | undefined> {
  const stored = (await knex('document').where({ application_id: applicationId, kind: 'receipt' }).first()) as
    DocumentRow | undefined;
  if (stored) return issuedDocumentFromRow(stored);
  const facts = await loadDocumentFacts(knex, applicationId, deps.services);
  if (!facts) return undefined;
  const body = receiptTemplate.build(facts);
  if (!body.ok) throw new Error(`Expected the receipt to need no variables, but: ${body.error.message}`);
  const secret = await verificationSecret(knex);
  const issued = await issueDocument(knex, { store: deps.store, publicUrl: deps.publicUrl, secret }, actor, {
    applicationId,
    template: receiptTemplate,
    body: body.value,
    issuer: facts.issuer,
    issuedAt: facts.application.registeredAt,
    number: facts.application.protocolNumber,
  });
  return issued.document;
}
