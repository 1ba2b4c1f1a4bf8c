/** Greek texts: the first language of every screen. */
export const el = {
  'app.name': 'Polis',
  'app.tagline': 'Οι διαδικασίες του δήμου, σε ένα σύστημα',
  'municipality.name': 'Δήμος Αμαρουσίου',
  'landing.title': 'Ηλεκτρονικές υπηρεσίες',
  'landing.intro':
    'Υποβάλετε αιτήσεις, παρακολουθήστε την πορεία τους και παραλάβετε τα έγγραφά σας χωρίς επίσκεψη στο δημαρχείο.',
  'landing.portal.title': 'Πύλη πολιτών',
  'landing.portal.body': 'Αιτήσεις, βεβαιώσεις και άδειες, με αριθμό πρωτοκόλλου και ενημέρωση για κάθε βήμα.',
  'landing.staff.title': 'Εφαρμογή προσωπικού',
  'landing.staff.body': 'Εισερχόμενες εργασίες, οργανόγραμμα, δείκτες απόδοσης και προγράμματα του δήμου.',
  'landing.designer.title': 'Σχεδιαστής διαδικασιών',
  'landing.designer.body': 'Σχεδιασμός διαδικασιών σε BPMN και φορμών, έλεγχος και δημοσίευση.',
  'landing.open': 'Άνοιγμα',
  'landing.language': 'Γλώσσα',
  'landing.footer': 'Ανοικτό λογισμικό με άδεια EUPL-1.2',
  'notFound.title': 'Η σελίδα δεν βρέθηκε',
  'notFound.body': 'Η διεύθυνση που ζητήσατε δεν υπάρχει ή δεν είναι ακόμη διαθέσιμη.',
  'notFound.home': 'Αρχική σελίδα',
  'language.el': 'Ελληνικά',
  'language.en': 'English',
} as const;

/** The keys every language must translate. */
export type MessageKey = keyof typeof el;
