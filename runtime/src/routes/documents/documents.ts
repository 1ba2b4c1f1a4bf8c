import type { Knex } from 'knex';
import { listApplications } from '../../applications/listApplications.js';
import { staffMayReadApplications } from '../../applications/staffMayReadApplications.js';
import type { AttachmentStore } from '../../attachments/AttachmentStore.js';
import { findReadableDocument } from '../../documents/findReadableDocument.js';
import { issueReceipt } from '../../documents/issueReceipt.js';
import { issuedDocumentFromRow, type DocumentRow, type IssuedDocument } from '../../documents/IssuedDocument.js';
import { apiError, defineApiRoute, type ApiReply, type ApiRoute } from '../../http/ApiRoute.js';
import { languageOf } from '../../http/languageOf.js';
import { translator } from '../../i18n/index.js';
import { anyone, signedIn } from '../../policies/Policy.js';
import type { ServiceDefinition } from '../../procedures/serviceDefinitionSchema.js';
import { documentIdParams, receiptParams, verificationParams, verificationSchema } from './schema.js';

/** What the document routes need; without a store (no attachment store configured) downloads answer 503. */
export interface DocumentRouteDependencies {
  readonly knex: Knex;
  readonly store: AttachmentStore | undefined;
  readonly publicUrl: string;
  readonly services: readonly ServiceDefinition[];
}

const PDF_RESPONSE = {
  description: 'The PDF, as an attachment with its Greek file name.',
  contentType: 'application/pdf',
};

const download = (store: AttachmentStore, d: IssuedDocument): ApiReply => ({
  status: 200,
  stream: store.open(d.sha256),
  contentType: d.mediaType,
  filename: d.fileName,
  length: d.size,
});

/** Citizens and staff download receipts and issued documents; anyone verifies a printed one by its code. */
export function documentRoutes({ knex, store, publicUrl, services }: DocumentRouteDependencies): ApiRoute[] {
  return [
    defineApiRoute<undefined, Record<string, never>, { applicationId: string }>({
      method: 'get',
      path: '/applications/:applicationId/receipt.pdf',
      operationId: 'downloadReceipt',
      summary:
        'The receipt of an application (αποδεικτικό υποβολής) as PDF: issued and stored at the first download, the same bytes ever after. For the citizen who applied and staff who may read the application.',
      tag: 'documents',
      policy: signedIn,
      params: receiptParams,
      responses: {
        200: PDF_RESPONSE,
        404: { description: 'There is no such application, or it is not yours to see.' },
        503: { description: 'No document store is configured on this server.' },
      },
      async handle({ params, principal, actor, req }) {
        const t = translator(languageOf(req));
        const notFound = apiError(404, 'application_not_found', t('document.notFound'), 'params.applicationId');
        if (principal.kind !== 'user') return notFound;
        const [view] = await listApplications(knex, { applicationId: params.applicationId }, 1);
        if (!view) return notFound;
        const mayRead =
          view.citizenUserId === principal.user.id ||
          (await staffMayReadApplications(knex, principal.user, view.ownerUnitId));
        if (!mayRead) return notFound;
        if (!store) return apiError(503, 'documents_not_configured', t('document.notConfigured'));
        const receipt = await issueReceipt(knex, { store, publicUrl, services }, actor, view.applicationId);
        return receipt ? download(store, receipt) : notFound;
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { documentId: string }>({
      method: 'get',
      path: '/documents/:documentId/content',
      operationId: 'downloadDocument',
      summary:
        'An issued document (receipt, certificate, permit, letter) as PDF: for the citizen whose application it belongs to and staff who may read that application; 404 for anyone else',
      tag: 'documents',
      policy: signedIn,
      params: documentIdParams,
      responses: {
        200: PDF_RESPONSE,
        404: { description: 'There is no such document, or it is not yours to see.' },
        503: { description: 'No document store is configured on this server.' },
      },
      async handle({ params, principal, req }) {
        const t = translator(languageOf(req));
        const notFound = apiError(404, 'document_not_found', t('document.notFound'), 'params.documentId');
        if (principal.kind !== 'user') return notFound;
        const found = await findReadableDocument(knex, principal.user, params.documentId);
        if (!found) return notFound;
        if (!store) return apiError(503, 'documents_not_configured', t('document.notConfigured'));
        return download(store, found);
      },
    }),
    defineApiRoute<undefined, Record<string, never>, { code: string }>({
      method: 'get',
      path: '/documents/verify/:code',
      operationId: 'verifyDocument',
      summary:
        'Checks a document by the verification code printed on it: its title, number, issue time and SHA-256, and nothing about the person it concerns',
      tag: 'documents',
      policy: anyone,
      params: verificationParams,
      responses: {
        200: { description: 'A document with this code was issued.', schema: verificationSchema },
        404: { description: 'No document has this code.' },
      },
      async handle({ params, req }) {
        const row = (await knex('document').where({ verification_code: params.code }).first()) as
          DocumentRow | undefined;
        if (!row)
          return apiError(
            404,
            'verification_code_unknown',
            translator(languageOf(req))('document.verifyUnknown'),
            'params.code',
          );
        const d = issuedDocumentFromRow(row);
        return {
          status: 200,
          json: {
            title: { el: d.titleEl, en: d.titleEn },
            protocolNumber: d.number,
            issuedAt: d.issuedAt.toISOString(),
            sha256: d.sha256,
          },
        };
      },
    }),
  ];
}
