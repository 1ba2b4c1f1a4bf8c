import { el, type MessageKey } from './el.js';
import { en } from './en.js';

/** The languages Polis speaks, Greek first. */
export const LANGUAGES = ['el', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const catalogues: Record<Language, Record<MessageKey, string>> = { el, en };

/** A function that gives the text of a key in one language. */
export type Translate = (key: MessageKey) => string;

/** Returns the translator for a language. */
export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key) => catalogue[key];
}

/** Whether a value names a language Polis speaks. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
