import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import type { AttachmentStore } from '../attachments/AttachmentStore.js';
import type { Actor } from '../orgchart/Actor.js';
import { appendAudit } from '../orgchart/appendAudit.js';
import { athensToday } from '../orgchart/athensToday.js';
import type { DocumentBody } from './DocumentContent.js';
import type { DocumentTemplate } from './DocumentTemplate.js';
import { issuedDocumentFromRow, type DocumentRow, type IssuedDocument } from './IssuedDocument.js';
import { nextDocumentNumber, peekDocumentNumber } from './nextDocumentNumber.js';
import { renderDocumentPdf } from './renderDocumentPdf.js';
import { verificationCodeOf, verificationUrlOf } from './verificationCodeOf.js';

/** What issuing needs besides the database: where the bytes go, the public URL and the verification secret. */
export interface DocumentIssuing {
  readonly store: AttachmentStore;
  readonly publicUrl: string;
  /** From verificationSecret(), read before the transaction. */
  readonly secret: string;
}

/** The job that issues a document: what makes a retry find the first issue instead of making a second. */
export interface IssuingJob {
  readonly key: string;
  readonly elementInstanceKey: string;
  readonly processInstanceKey: string;
  readonly elementId: string;
}

/** One document to issue. */
export interface DocumentIssue {
  readonly applicationId: string;
  readonly template: DocumentTemplate;
  readonly body: DocumentBody;
  readonly issuer: readonly string[];
  readonly issuedAt: Date;
  /** The number to print (a receipt's is its application's); without one, the next outgoing number is taken. */
  readonly number?: string;
  /** Without a job, the document is the application's one receipt. */
  readonly job?: IssuingJob;
}

const PDF = 'application/pdf';

/** A file name for the citizen's disk: the Greek title and the number, slashes made hyphens. */
const fileNameOf = (title: string, number: string) => `${title} ${number.replace(/\//g, '-')}.pdf`;

async function existing(knex: Knex, issue: DocumentIssue): Promise<IssuedDocument | undefined> {
  const query = knex('document');
  if (issue.job) void query.where({ element_instance_key: issue.job.elementInstanceKey });
  else void query.where({ application_id: issue.applicationId, kind: 'receipt' });
  const row = (await query.first()) as DocumentRow | undefined;
  return row ? issuedDocumentFromRow(row) : undefined;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Issues a document once: renders it (deterministically: the issue time is its creation date, the verification
 * code is derived from what identifies the issue), stores the bytes by content, then takes its number and records
 * it with an audit entry in one transaction with `also` (e.g. the request it is the letter of). When the job (its element
 * instance) or, for a receipt, the application already has its document, that one is returned and nothing is
 * written; so is the winner's when two issues of the same document race.
 */
export async function issueDocument(
  knex: Knex,
  deps: DocumentIssuing,
  actor: Actor,
  issue: DocumentIssue,
  also?: (trx: Knex.Transaction, document: IssuedDocument) => Promise<void>,
): Promise<{ readonly created: boolean; readonly document: IssuedDocument }> {
  const earlier = await existing(knex, issue);
  if (earlier) return { created: false, document: earlier };
  const { template, job } = issue;
  const verificationCode = verificationCodeOf(
    deps.secret,
    `${issue.applicationId}:${template.id}:${job?.elementInstanceKey ?? 'receipt'}`,
  );
  const year = Number(athensToday(issue.issuedAt).slice(0, 4));
  const store = async (number: string) => {
    const pdf = await renderDocumentPdf({
      ...issue.body,
      issuer: issue.issuer,
      number,
      issuedAt: issue.issuedAt,
      verificationCode,
      verificationUrl: verificationUrlOf(deps.publicUrl, verificationCode),
    });
    const staged = await deps.store.receive(Readable.from([pdf]), pdf.length);
    if (staged === 'too_large') throw new Error(`Expected the store to take a ${pdf.length}-byte document`);
    await staged.commit();
    return staged;
  };
  // Rendering and storing take a while, and the transaction holds the year's counter (and, on PGlite, the only
  // connection): do both before it with the number that is next now, and again inside only if another document
  // took that number meanwhile. Bytes stored for a number not taken are content nobody points to.
  const expected = issue.number ?? (await peekDocumentNumber(knex, year));
  const prepared = await store(expected);
  try {
    const document = await knex.transaction(async (trx) => {
      const again = await existing(trx, issue);
      if (again) return { created: false, document: again };
      const number = issue.number ?? (await nextDocumentNumber(trx, year));
      const staged = number === expected ? prepared : await store(number);
      const [row] = (await trx('document')
        .insert({
          application_id: issue.applicationId,
          kind: template.kind,
          template: template.id,
          title_el: issue.body.title.el,
          title_en: issue.body.title.en,
          document_number: number,
          element_instance_key: job?.elementInstanceKey ?? null,
          issued_by_job: job?.key ?? null,
          process_instance_key: job?.processInstanceKey ?? null,
          sha256: staged.sha256,
          size: staged.size,
          media_type: PDF,
          file_name: fileNameOf(issue.body.title.el, number),
          verification_code: verificationCode,
          issued_at: issue.issuedAt,
        })
        .returning('*')) as DocumentRow[];
      const created = issuedDocumentFromRow(row!);
      await appendAudit(trx, actor, {
        action: 'document.issued',
        objectType: 'document',
        objectId: created.id,
        details: {
          applicationId: issue.applicationId,
          kind: template.kind,
          template: template.id,
          number,
          sha256: staged.sha256,
          ...(job ? { jobKey: job.key, elementId: job.elementId, processInstanceKey: job.processInstanceKey } : {}),
        },
      });
      await also?.(trx, created);
      return { created: true, document: created };
    });
    return document;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await existing(knex, issue);
    if (!winner) throw error;
    return { created: false, document: winner };
  }
}
