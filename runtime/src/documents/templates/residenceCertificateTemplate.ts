import { formatAthensDateTime } from '../../applications/formatAthensDateTime.js';
import { defineTemplate } from '../defineTemplate.js';
import { genitiveOf } from '../documentFormats.js';

/** The certificate of permanent residence (βεβαίωση μόνιμης κατοικίας), issued once a clerk has approved. */
export const residenceCertificateTemplate = defineTemplate({
  id: 'residence-certificate',
  kind: 'outcome',
  title: { el: 'Βεβαίωση μόνιμης κατοικίας', en: 'Certificate of permanent residence' },
  body(read, facts) {
    const name = `${read.text('firstName')} ${read.text('lastName')}`;
    const father = read.optional('fatherName');
    const address = [
      `${read.text('street')} ${read.optional('streetNumber') ?? ''}`.trim(),
      `${read.optional('postalCode') ?? ''} ${read.optional('area') ?? ''}`.trim(),
    ]
      .filter((part) => part !== '')
      .join(', ');
    const years = read.optional('certifiedYears') ?? read.text('years');
    const purpose = read.optional('purpose');
    const { application, service } = facts;
    return {
      blocks: [
        {
          kind: 'paragraph',
          text: `Βεβαιώνεται ότι ο/η ${name}${father ? ` του ${father}` : ''}, με διεύθυνση ${address}, κατοικεί μόνιμα στην περιφέρεια του ${genitiveOf(facts.municipality)} για τα έτη ${years}.`,
          en: `This is to certify that ${name}, of ${address}, has lived permanently in the ${facts.municipality} in the years ${years}.`,
        },
        {
          kind: 'fields',
          rows: [
            {
              label: 'Αίτηση',
              value: `${application.protocolNumber}, ${formatAthensDateTime(application.registeredAt)}`,
            },
            { label: 'Έτη κατοικίας', value: years },
            ...(purpose ? [{ label: 'Σκοπός', value: purpose }] : []),
          ],
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
        {
          kind: 'paragraph',
          text: 'Η βεβαίωση εκδόθηκε ηλεκτρονικά και επέχει θέση πρωτοτύπου· η γνησιότητά της ελέγχεται με τον κωδικό επαλήθευσης.',
          en: 'Issued electronically; it stands as an original and can be checked with its verification code.',
        },
        { kind: 'signature', lines: ['Με εντολή Δημάρχου', 'Ο/Η Προϊστάμενος/η του Τμήματος'] },
      ],
    };
  },
});
