import { formatAthensDateTime } from '../../applications/formatAthensDateTime.js';
import { defineTemplate } from '../defineTemplate.js';
import { formatEuro } from '../documentFormats.js';
import { spaceDetails } from './spaceDetails.js';

/** The permit to place tables and chairs on public space, issued once the fee is paid. */
export const publicSpacePermitTemplate = defineTemplate({
  id: 'public-space-permit',
  kind: 'outcome',
  title: { el: 'Άδεια χρήσης κοινόχρηστου χώρου', en: 'Permit to use public space' },
  body(read, facts) {
    const business = read.text('businessName');
    const afm = read.optional('afm');
    const representative = read.optional('representative');
    const details = spaceDetails(read);
    const fee = read.number('fee');
    const { application, service } = facts;
    return {
      blocks: [
        {
          kind: 'paragraph',
          text: `Χορηγείται στην επιχείρηση «${business}»${afm ? ` (ΑΦΜ ${afm})` : ''}${representative ? `, νόμιμος εκπρόσωπος ${representative},` : ''} άδεια χρήσης κοινόχρηστου χώρου για την τοποθέτηση τραπεζοκαθισμάτων, ως εξής:`,
          en: `The business “${business}” is granted a permit to place tables and chairs on public space, as follows:`,
        },
        {
          kind: 'fields',
          rows: [
            ...details,
            { label: 'Τέλος', value: `${formatEuro(fee)} (καταβλήθηκε)` },
            {
              label: 'Αίτηση',
              value: `${application.protocolNumber}, ${formatAthensDateTime(application.registeredAt)}`,
            },
          ],
        },
        {
          kind: 'paragraph',
          text: 'Ο χώρος διατηρείται καθαρός, εξασφαλίζεται ελεύθερη διέλευση πεζών πλάτους τουλάχιστον 1,50 μ. και η άδεια επιδεικνύεται σε κάθε έλεγχο. Ισχύει μόνο για την περίοδο που αναφέρεται και ανακαλείται σε περίπτωση παράβασης.',
          en: 'The space is kept clean, a free passage of at least 1.50 m is left for pedestrians, and the permit is shown on inspection. Valid for the stated period only; revoked on any breach.',
        },
        ...(service.legalBasis
          ? [
              {
                kind: 'paragraph' as const,
                text: `Νομική βάση: ${service.legalBasis.el}.`,
                en: `Legal basis: ${service.legalBasis.en}.`,
              },
            ]
          : []),
        { kind: 'signature', lines: ['Με εντολή Δημάρχου', 'Ο/Η Προϊστάμενος/η του Τμήματος'] },
      ],
    };
  },
});
