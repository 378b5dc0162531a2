import { isValidIsbn13 } from './checksum';
import { isbn10To13 } from './convert';

/**
 * Invisible marks real pages put inside ISBNs: Amazon wraps detail values in
 * U+200E/U+200F direction marks; CMSs leave zero-width spaces, word joiners,
 * soft hyphens and BOMs behind.
 */
export const INVISIBLE_MARKS = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * Hyphen-like characters people and typesetters write between ISBN groups,
 * and spaces (`\s` covers NBSP and the Unicode spaces).
 */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/** `ISBN-13:`, `ISBN 10`, `ISBN:`, `ISBN13` … at the start of the text. */
const PREFIX = /^\s*(?:ISBN|EAN|GTIN)(?:[-\s]*1[03])?\s*[:：]?\s*/i;
/** The same without the 10/13: for `ISBN 10 345…`, whose "10" may be the ISBN's own first digits. */
const PREFIX_WORD_ONLY = /^\s*(?:ISBN|EAN|GTIN)\s*[:：]?\s*/i;

/**
 * The compact form of one written ISBN: digits and a final uppercase `X`,
 * with prefix, separators and invisible marks removed. No validation.
 */
export function compactIsbn(text: string, prefix: RegExp = PREFIX): string {
  return text.replace(INVISIBLE_MARKS, '').replace(prefix, '').replace(SEPARATORS, '').toUpperCase();
}

/**
 * The canonical form of a written ISBN — its ISBN-13, digits only — or null
 * when the text is not exactly one valid ISBN-10 or ISBN-13.
 */
export function normalizeIsbn(text: string): string | null {
  // "ISBN 10…" is a label or the ISBN's own digits; the check digit tells which.
  return canonicalIsbn(compactIsbn(text)) ?? canonicalIsbn(compactIsbn(text, PREFIX_WORD_ONLY));
}

function canonicalIsbn(compact: string): string | null {
  if (compact.length === 13) return isValidIsbn13(compact) ? compact : null;
  if (compact.length === 10) return isbn10To13(compact);
  return null;
}

/** True when the text is one valid ISBN (either length) in any written form. */
export function isIsbn(text: string): boolean {
  return normalizeIsbn(text) !== null;
}
