import { formatAthensDate } from '../formatAthensDate.js';
import { defineTemplate } from '../defineTemplate.js';
import { spaceDetails } from './spaceDetails.js';

/** The competent police department for the municipality's public-space permits (article 13, RD 24/9-20/10/1958). */
export const POLICE_RECIPIENT = ['Ελληνική Αστυνομία', 'Τμήμα Τροχαίας Αμαρουσίου'] as const;

/** The letter asking the police traffic department for its opinion on a public-space application. */
export const policeRequestTemplate = defineTemplate({
  id: 'police-request',
  kind: 'outgoing',
  title: {
    el: 'Αίτημα γνωμοδότησης για χρήση κοινόχρηστου χώρου',
    en: 'Request for an opinion on the use of public space',
  },
  body(read, facts) {
    const business = read.text('businessName');
    const details = spaceDetails(read);
    const { application } = facts;
    return {
      recipient: POLICE_RECIPIENT,
      blocks: [
        {
          kind: 'paragraph',
          text: `Σας διαβιβάζουμε την αίτηση με αρ. πρωτ. ${application.protocolNumber}/${formatAthensDate(application.registeredAt)} της επιχείρησης «${business}» για άδεια χρήσης κοινόχρηστου χώρου με τραπεζοκαθίσματα και παρακαλούμε για τη γνωμοδότησή σας ως προς την ασφάλεια της κυκλοφορίας πεζών και οχημάτων, σύμφωνα με το άρθρο 13 του ΒΔ 24/9-20/10/1958.`,
          en: `We forward the application of “${business}” for a permit to place tables and chairs on public space and ask for your opinion on the safety of pedestrian and vehicle traffic.`,
        },
        { kind: 'fields', rows: [{ label: 'Επιχείρηση', value: business }, ...details] },
        ...(facts.attachments.length > 0
          ? [
              { kind: 'heading' as const, text: 'Συνημμένα', en: 'Enclosures' },
              { kind: 'list' as const, items: facts.attachments.map((a) => a.name) },
            ]
          : []),
        {
          kind: 'paragraph',
          text: `Παρακαλούμε στην απάντησή σας να αναφέρετε τον αριθμό πρωτοκόλλου της αίτησης ${application.protocolNumber}.`,
          en: `Please quote the application’s protocol number ${application.protocolNumber} in your answer.`,
        },
        { kind: 'signature', lines: ['Με εντολή Δημάρχου', 'Ο/Η Προϊστάμενος/η του Τμήματος'] },
      ],
    };
  },
});
