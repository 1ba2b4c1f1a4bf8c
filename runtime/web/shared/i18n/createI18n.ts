import { ref, type Ref } from 'vue';
import type { Language } from './language';

/** Values substituted for `{name}` placeholders in a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The reactive translator an app uses: the current language, `t`, and a way to switch. */
export interface I18n<K extends string> {
  readonly language: Ref<Language>;
  /** The text of a key in the current language, with `{name}` placeholders filled in. */
  t(key: K, params?: MessageParams): string;
  /** Whether a key exists, for texts looked up by a value from the server (error ids, action names). */
  has(key: string): key is K;
  /** Switches the language in place and reports the change (to remember it and update the page). */
  setLanguage(language: Language): void;
}

/** Fills `{name}` placeholders; a missing value leaves the placeholder visible rather than hiding the gap. */
export function interpolate(text: string, params: MessageParams | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Creates the translator of an app from its catalogues (one per language, the same keys in each). */
export function createI18n<K extends string>(
  catalogues: Readonly<Record<Language, Readonly<Record<K, string>>>>,
  initial: Language,
  onChange: (language: Language) => void = () => undefined,
): I18n<K> {
  const language = ref<Language>(initial);
  return {
    language,
    t: (key, params) => interpolate(catalogues[language.value][key] ?? key, params),
    has: (key): key is K => key in catalogues.el,
    setLanguage(next) {
      if (next === language.value) return;
      language.value = next;
      onChange(next);
    },
  };
}

/**
 * Applies a language choice to the document and asks the server to remember it: the server's pages set the
 * `polis_lang` cookie when asked with `?lang=`, and the web app's index.html does the same.
 */
export function rememberLanguage(language: Language, appBase: string): void {
  document.documentElement.lang = language;
  void fetch(`${appBase}?lang=${language}`, { credentials: 'same-origin', headers: { Accept: 'text/html' } }).catch(
    () => undefined, // the choice still holds for this visit; it is only not remembered
  );
}
