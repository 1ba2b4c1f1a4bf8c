import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from './negotiateLanguage.js';
import { el } from './el.js';
import { en } from './en.js';

describe('negotiateLanguage', () => {
  it('should speak Greek when nothing says otherwise', () => {
    expect(negotiateLanguage(undefined, undefined, undefined)).toBe('el');
    expect(negotiateLanguage(undefined, undefined, 'fr-FR,de;q=0.8')).toBe('el');
  });

  it('should follow the query, then the cookie, then the browser preference', () => {
    expect(negotiateLanguage('en', 'polis_lang=el', 'el')).toBe('en');
    expect(negotiateLanguage(undefined, 'a=1; polis_lang=en', 'el')).toBe('en');
    expect(negotiateLanguage(undefined, undefined, 'en-GB,en;q=0.9,el;q=0.8')).toBe('en');
    expect(negotiateLanguage(undefined, undefined, 'en;q=0.5,el-GR;q=0.9')).toBe('el');
  });

  it('should ignore a language Polis does not speak', () => {
    expect(negotiateLanguage('de', 'polis_lang=xx', undefined)).toBe('el');
  });
});

describe('message catalogues', () => {
  it('should translate every key into both languages with non-empty texts', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(el).sort());
    for (const catalogue of [el, en]) {
      for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), key).not.toBe('');
    }
  });
});
