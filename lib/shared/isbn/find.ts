import { isValidIsbn10, isValidIsbn13 } from './checksum';
import { isbn10To13 } from './convert';
import { compactIsbn, INVISIBLE_MARKS } from './normalize';

export interface IsbnCandidate {
  /** Canonical ISBN-13. */
  isbn13: string;
  /** The length the text wrote it in. */
  form: 10 | 13;
  /** The text as written, separators included. */
  raw: string;
  /** Offset of `raw` in the searched text (after invisible marks were removed). */
  index: number;
  /** The label just before it (`ISBN-13`, `EAN`, `ISBN`), when there is one. */
  label?: string;
}

/** How far back from a number a label may stand (`ISBN-13 :  978…`). */
const LABEL_WINDOW = 24;
const DIGIT_RUN =
  /(?<![\dA-Za-z])(?:97[89][\s\-\u2010-\u2015\u2212]?)?\d(?:[\s\-\u2010-\u2015\u2212]?\d){8}[\s\-\u2010-\u2015\u2212]?[\dXx](?![\dA-Za-z])/g;
const LABEL = /(ISBN(?:[-\s]?1[03])?|EAN(?:[-\s]?13)?|GTIN(?:[-\s]?13)?)[^\dA-Za-z]{0,6}$/i;

/**
 * Every valid ISBN written in the text, in order, with the label that
 * precedes it. A number that fails its check digit is not a candidate; a
 * 13-digit number is never also read as an ISBN-10.
 */
export function findIsbnCandidates(text: string): IsbnCandidate[] {
  const clean = text.replace(INVISIBLE_MARKS, '');
  const found: IsbnCandidate[] = [];
  for (const match of clean.matchAll(DIGIT_RUN)) {
    const raw = match[0];
    const compact = compactIsbn(raw);
    let isbn13: string | null = null;
    let form: 10 | 13 = 13;
    if (compact.length === 13 && isValidIsbn13(compact)) isbn13 = compact;
    else if (compact.length === 10 && isValidIsbn10(compact)) {
      isbn13 = isbn10To13(compact);
      form = 10;
    }
    if (!isbn13) continue;
    const before = clean.slice(Math.max(0, match.index - LABEL_WINDOW), match.index);
    const label = LABEL.exec(before)?.[1];
    found.push({ isbn13, form, raw, index: match.index, ...(label ? { label: label.toUpperCase() } : {}) });
  }
  return found;
}
