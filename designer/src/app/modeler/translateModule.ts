import { i18n } from '../i18n';
import { GREEK } from './greekTranslations';

/** bpmn-js's translate service in the designer's language: Greek where there is a text, else English. */
function translate(template: string, replacements: Record<string, string> = {}): string {
  const text = i18n.language.value === 'el' ? (GREEK[template] ?? template) : template;
  return text.replace(/{([^}]+)}/g, (whole, key: string) => replacements[key] ?? `{${key}}`);
}

/** The module replacing bpmn-js's translate service. */
export default { translate: ['value', translate] };
