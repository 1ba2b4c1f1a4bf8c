import type { Language } from '../i18n/language';
import type { FormComponent, FormDefinition } from './formTypes';

/** The storage name under which the Polis apps upload files (see polisFileService.ts). */
export const POLIS_STORAGE = 'polis';
/** The renderer's type for a day without a time (registered by registerPolisComponents as POLIS_DATE_TYPE). */
const DATE_TYPE = 'polis-date';

function localiseComponent(component: FormComponent, language: Language): FormComponent {
  const copy: FormComponent = { ...component };
  const english = component.properties ?? {};
  if (language === 'en') {
    if (english.labelEn) copy.label = english.labelEn;
    if (english.titleEn) copy.title = english.titleEn;
    if (english.legendEn) copy.legend = english.legendEn;
    if (english.placeholderEn) copy.placeholder = english.placeholderEn;
    if (english.descriptionEn) copy.description = english.descriptionEn;
    if (english.tooltipEn) copy.tooltip = english.tooltipEn;
    if (english.htmlEn) copy.html = english.htmlEn;
  }
  // A native select: Choices.js nests interactive elements (WCAG 4.1.2) and is harder to use with a screen reader.
  if (component.type === 'select' && (component.dataSrc === undefined || component.dataSrc === 'values'))
    copy.widget = 'html5';
  // A day without a time: the browser's own date field (registerPolisComponents.ts), not Form.io's calendar widget.
  if (component.type === 'datetime' && component.enableTime === false) {
    copy.type = DATE_TYPE;
    delete copy.widget; // a text field with a calendar widget would load flatpickr (from a CDN the policy forbids)
  }
  // Files go to the Polis attachment store, whatever upload the designer configured.
  if (component.type === 'file') {
    copy.storage = POLIS_STORAGE;
    delete copy.url;
  }
  if (component.components) copy.components = component.components.map((c) => localiseComponent(c, language));
  if (component.columns)
    copy.columns = component.columns.map((column) => ({
      ...column,
      components: (column.components ?? []).map((c) => localiseComponent(c, language)),
    }));
  if (Array.isArray(component.rows))
    copy.rows = (component.rows as { components?: FormComponent[] }[][]).map((row) =>
      row.map((cell) => ({ ...cell, components: (cell.components ?? []).map((c) => localiseComponent(c, language)) })),
    );
  return copy;
}

/**
 * A copy of a form for the renderer of a Polis app: labels, titles and other texts in the language shown (the English
 * ones are in each component's `properties.*En`), file fields uploading to Polis, and no submit button of its own
 * (the app's own button submits, after the server's checks).
 */
export function localiseForm(definition: FormDefinition, language: Language): FormDefinition {
  const components = definition.components
    .filter((c) => !(c.type === 'button' && (c.action === undefined || c.action === 'submit')))
    .map((c) => localiseComponent(c, language));
  const title = language === 'en' && definition.properties?.titleEn ? definition.properties.titleEn : definition.title;
  return { ...definition, title, components };
}

/** The title of a form in the language shown. */
export function formTitle(definition: FormDefinition, language: Language): string {
  return (language === 'en' ? definition.properties?.titleEn : undefined) ?? definition.title ?? '';
}

/** The input fields of a form in their order, with their labels in the language shown (for showing a submission). */
export function fieldsOf(
  definition: FormDefinition,
  language: Language,
): { key: string; label: string; type: string }[] {
  const fields: { key: string; label: string; type: string }[] = [];
  const walk = (components: readonly FormComponent[]) => {
    for (const component of components) {
      if (component.input === true && component.key && component.type !== 'button')
        fields.push({
          key: component.key,
          label: component.label ?? component.key,
          type: component.type === DATE_TYPE ? 'datetime' : (component.type ?? ''),
        });
      walk(component.components ?? []);
      for (const column of component.columns ?? []) walk(column.components ?? []);
    }
  };
  walk(localiseForm(definition, language).components);
  return fields;
}
