import { describe, expect, it } from 'vitest';
import { createI18n, interpolate } from './createI18n';
import { servedLanguage } from './language';

describe('createI18n', () => {
  const catalogues = { el: { hello: 'Γεια σου {name}' }, en: { hello: 'Hello {name}' } } as const;

  it('should translate in the current language and follow a switch', () => {
    // given a translator that starts in Greek
    const changes: string[] = [];
    const i18n = createI18n(catalogues, 'el', (l) => changes.push(l));
    expect(i18n.t('hello', { name: 'Μαρία' })).toBe('Γεια σου Μαρία');
    // when the user switches to English
    i18n.setLanguage('en');
    // then texts are English and the switch was reported once
    expect(i18n.t('hello', { name: 'Maria' })).toBe('Hello Maria');
    i18n.setLanguage('en');
    expect(changes).toEqual(['en']);
  });

  it('should leave an unknown placeholder visible', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('should take the language the server wrote into <html lang>, Greek when it says nothing useful', () => {
    const doc = (lang: string) => ({ documentElement: { lang } }) as Document;
    expect(servedLanguage(doc('en'))).toBe('en');
    expect(servedLanguage(doc('fr'))).toBe('el');
    expect(servedLanguage(undefined)).toBe('el');
  });
});
