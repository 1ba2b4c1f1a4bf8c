export { translator, isLanguage, LANGUAGES, type Language, type Translate } from './translate.js';
export { negotiateLanguage } from './negotiateLanguage.js';
export type { MessageKey } from './el.js';
