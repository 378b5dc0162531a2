import { describe, expect, it } from 'vitest';
import { pageLanguage } from '../../lib/pages/ui-language';
import { supportedLanguage, textDirection } from '../../lib/shared/api/languages';

describe('the language an extension page speaks', () => {
  it('keeps the region of a supported language, in BCP 47 form', () => {
    expect(pageLanguage('de')).toEqual({ tag: 'de', dir: 'ltr' });
    expect(pageLanguage('de_AT')).toEqual({ tag: 'de-AT', dir: 'ltr' });
    expect(pageLanguage('ja-JP')).toEqual({ tag: 'ja-JP', dir: 'ltr' });
    expect(pageLanguage('fr-ca')).toEqual({ tag: 'fr-CA', dir: 'ltr' });
  });

  it('falls back to English, like the text, for a language without a locale file', () => {
    expect(pageLanguage('pt-BR')).toEqual({ tag: 'en', dir: 'ltr' });
    expect(pageLanguage('ar')).toEqual({ tag: 'en', dir: 'ltr' });
    expect(pageLanguage('')).toEqual({ tag: 'en', dir: 'ltr' });
  });

  it('names the supported language of a tag, and only a supported one', () => {
    expect(supportedLanguage('NL-be')).toBe('nl');
    expect(supportedLanguage('es_419')).toBe('es');
    expect(supportedLanguage('ko')).toBeNull();
    expect(supportedLanguage('english')).toBeNull();
  });

  it('turns right-to-left scripts around', () => {
    expect(textDirection('he-IL')).toBe('rtl');
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ja')).toBe('ltr');
  });
});
