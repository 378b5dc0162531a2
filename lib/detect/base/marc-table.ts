/**
 * MARC fields from the "MARC view" / "staff view" tables catalogues render:
 * one row a field, the tag in the first cell, then indicators and subfields
 * (`|a 9780… |q (paperback)`, `‡a …`, `$a …`). Text in, text out.
 */
import { cleanText, textOf } from './text';

/** Subfield delimiters as printed: `|a`, `‡a`, `$a`, `ǂa`. */
const SUBFIELD_MARK = /(?:^|\s)[|‡$ǂ]([a-z0-9])\s*/g;

/** The text of every row whose first cell is `tag`, subfield marks removed. */
export function marcFieldTexts(rows: Iterable<Element>, tag: string): string[] {
  const texts: string[] = [];
  for (const row of rows) {
    const cells = [...row.children];
    if (textOf(cells[0]) !== tag) continue;
    const value = cells
      .slice(1)
      .map((cell) => textOf(cell))
      .join(' ');
    // Indicator cells come before the first subfield mark.
    const firstMark = value.search(/(?:^|\s)[|‡$ǂ][a-z0-9]/);
    texts.push(cleanText((firstMark >= 0 ? value.slice(firstMark) : value).replace(SUBFIELD_MARK, ' ')));
  }
  return texts;
}

/**
 * The `$a` subfield of each row with this tag: for 020 that is the ISBN
 * without the `$q`/`$z` parts (`$z` is a cancelled or invalid ISBN).
 */
export function marcSubfieldA(rows: Iterable<Element>, tag: string): string[] {
  const values: string[] = [];
  for (const row of rows) {
    const cells = [...row.children];
    if (textOf(cells[0]) !== tag) continue;
    const raw = cells
      .slice(1)
      .map((cell) => textOf(cell))
      .join(' ');
    const match = /(?:^|\s)[|‡$ǂ]a\s*(.*?)(?=\s[|‡$ǂ][a-z0-9]|$)/.exec(raw);
    if (match?.[1]) values.push(cleanText(match[1]));
  }
  return values;
}

/**
 * RDA relator terms catalogues print after a heading (100/700 `$e`):
 * "Westover, Tara, author.", "Ishiguro, Kazuo, 1954- author."
 */
const RELATOR_TERM =
  /(?:,|(?<=\d-))\s*(?:author|editor|translator|illustrator|contributor|narrator|compiler|writer of introduction)(?:,\s*(?:author|editor|translator|illustrator|contributor|narrator))*\.?$/i;

/** A name heading without its trailing relator term(s). */
export function withoutRelatorTerm(heading: string): string {
  return heading.replace(RELATOR_TERM, '').trim();
}
