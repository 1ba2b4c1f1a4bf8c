import type { MessageKey } from './el.js';

/** English texts: the second language of every screen. */
export const en: Record<MessageKey, string> = {
  'app.name': 'Polis',
  'app.tagline': "The municipality's procedures, in one system",
  'municipality.name': 'Municipality of Marousi',
  'landing.title': 'e-Services',
  'landing.intro':
    'Submit applications, follow their progress and receive your documents without visiting the town hall.',
  'landing.portal.title': 'Citizen portal',
  'landing.portal.body': 'Applications, certificates and permits, with a protocol number and news of every step.',
  'landing.staff.title': 'Staff app',
  'landing.staff.body': "Task inbox, org chart, performance indicators and the municipality's programmes.",
  'landing.designer.title': 'Process designer',
  'landing.designer.body': 'Model procedures in BPMN and their forms, check them and publish them.',
  'landing.open': 'Open',
  'landing.language': 'Language',
  'landing.footer': 'Open-source software under the EUPL-1.2 licence',
  'notFound.title': 'Page not found',
  'notFound.body': 'The address you asked for does not exist or is not available yet.',
  'notFound.home': 'Home page',
  'language.el': 'Ελληνικά',
  'language.en': 'English',
};
