/**
 * The languages Bookside speaks: the extension's locales/<lang>.yml, the
 * canon's web pages, its confirmation mail and page. One list, so a
 * registration can only name a language the server can answer in.
 */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** The supported language a BCP 47 tag ("de-AT", "ja_JP", "FR") asks for, or null. */
export function supportedLanguage(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : null;
}

// Scripts written right to left; none of today's languages, but a locale added
// for one of them must turn the pages around without another change.
const RIGHT_TO_LEFT = new Set(['ar', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

export function textDirection(tag: string): 'ltr' | 'rtl' {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return RIGHT_TO_LEFT.has(primary) ? 'rtl' : 'ltr';
}
