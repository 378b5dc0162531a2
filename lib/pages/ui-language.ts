/**
 * The language an extension page speaks, for `<html lang dir>` and for Intl.
 * Read from `browser.i18n.getUILanguage()`: `@@ui_locale` reported "en_US"
 * in a German Chromium (issue 15), while the UI language is what the browser
 * also picks the locale files by. A language without a locale file gets
 * English text, so the page says "en" and formats numbers in English too,
 * rather than mixing English words with foreign digits.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_LANGUAGE, supportedLanguage, textDirection } from '../shared/api/languages';

export type PageLanguage = { tag: string; dir: 'ltr' | 'rtl' };

export function pageLanguage(reported: string): PageLanguage {
  if (supportedLanguage(reported) === null) return { tag: DEFAULT_LANGUAGE, dir: 'ltr' };
  let tag: string;
  try {
    // "de_AT" → "de-AT": the region stays, so an Austrian or Swiss browser gets its own formats.
    tag = Intl.getCanonicalLocales(reported.trim().replaceAll('_', '-'))[0] ?? DEFAULT_LANGUAGE;
  } catch {
    tag = supportedLanguage(reported) ?? DEFAULT_LANGUAGE;
  }
  return { tag, dir: textDirection(tag) };
}

export function readPageLanguage(): PageLanguage {
  return pageLanguage(browser.i18n.getUILanguage());
}

/** Sets `lang` and `dir` on the page's root element. */
export function markDocumentLanguage(document: Document, language: PageLanguage): void {
  document.documentElement.lang = language.tag;
  document.documentElement.dir = language.dir;
}
