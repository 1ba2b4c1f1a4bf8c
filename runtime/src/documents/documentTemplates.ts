import type { DocumentTemplate } from './DocumentTemplate.js';
import { policeRequestTemplate } from './templates/policeRequestTemplate.js';
import { publicSpacePermitTemplate } from './templates/publicSpacePermitTemplate.js';
import { receiptTemplate } from './templates/receiptTemplate.js';
import { residenceCertificateTemplate } from './templates/residenceCertificateTemplate.js';

/** Every document template, by the id a BPMN `template` header names. */
export const DOCUMENT_TEMPLATES: ReadonlyMap<string, DocumentTemplate> = new Map(
  [receiptTemplate, residenceCertificateTemplate, publicSpacePermitTemplate, policeRequestTemplate].map((t) => [
    t.id,
    t,
  ]),
);
