import { formatAthensDateTime } from '../../applications/formatAthensDateTime.js';
import { defineTemplate } from '../defineTemplate.js';
import { formatDay, maskTaxId } from '../documentFormats.js';

/** The receipt of a submission (αποδεικτικό υποβολής): what was registered, under which number, when. */
export const receiptTemplate = defineTemplate({
  id: 'receipt',
  kind: 'receipt',
  title: { el: 'Αποδεικτικό υποβολής αίτησης', en: 'Receipt of application' },
  body(_read, facts) {
    const { application, service, citizen } = facts;
    const registered = formatAthensDateTime(application.registeredAt);
    return {
      blocks: [
        {
          kind: 'paragraph',
          text: `Η αίτησή σας για «${service.title.el}» καταχωρίστηκε στο πρωτόκολλο του δήμου με αριθμό ${application.protocolNumber} στις ${registered}.`,
          en: `Your application for “${service.title.en}” was registered under protocol number ${application.protocolNumber} on ${registered} (Athens time).`,
        },
        { kind: 'heading', text: 'Αιτών', en: 'Applicant' },
        {
          kind: 'fields',
          rows: [
            { label: 'Ονοματεπώνυμο', value: citizen.name },
            ...(citizen.taxId ? [{ label: 'ΑΦΜ', value: maskTaxId(citizen.taxId) }] : []),
          ],
        },
        { kind: 'heading', text: 'Στοιχεία αίτησης', en: 'Submitted data' },
        { kind: 'fields', rows: facts.submittedFields },
        { kind: 'heading', text: 'Συνημμένα', en: 'Attachments' },
        facts.attachments.length > 0
          ? {
              kind: 'list',
              items: facts.attachments.map((a) => `${a.name} (${Math.max(1, Math.round(a.size / 1024))} KB)`),
            }
          : { kind: 'paragraph', text: 'Κανένα συνημμένο.', en: 'No attachments.' },
        {
          kind: 'paragraph',
          text: `Αναμενόμενη ημερομηνία ολοκλήρωσης: ${formatDay(application.dueDate)}. Θα ενημερωθείτε για κάθε βήμα στην ενότητα «Οι αιτήσεις μου».`,
          en: `Expected completion: ${formatDay(application.dueDate)}. You will be told of every step under “My applications”.`,
        },
      ],
    };
  },
});
