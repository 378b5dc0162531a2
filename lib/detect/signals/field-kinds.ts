/**
 * The kinds of labelled field a page prints ("ISBN:", "Author:", "Contents"),
 * and the one label a book page's closer look needs without reading the rest:
 * a heading that names a contents section. Apart from `labels.ts` so that the
 * check of an adapter's book (`book-check.ts`) does not carry every label
 * word of every language.
 */
/** Which field a label names (`FIELD`'s group in labels.ts). */
export const Field = { Isbn: 1, Title: 2, Author: 3, Artist: 4, Format: 5, Contents: 6, Subtitle: 7 } as const;
export type FieldKind = (typeof Field)[keyof typeof Field];

export interface LabelledField {
  field: FieldKind;
  /** The label's element, or the row-level element the value was found beside. */
  el: Element;
  /** What the value follows: the label's text node, or that element. */
  at: Node;
  /** The row: the element that holds both the label and its value. */
  row: Element;
  text: string;
  /** The names the value links, each with the role printed after it (`(Übersetzer)`), if any. */
  links: string[];
}

/** Contents-section labels, as plain words separated by `|` (see labels.ts). */
export const CONTENTS =
  'contents|table of contents|contents note|formatted contents note|inhalt|inhaltsverzeichnis|inhaltsangabe|enthält|sommaire|table des matières|índice|indice|sumário|sumario|inhoud|inhoudsopgave|spis treści|obsah|tartalom|içindekiler|содержание|contenido|目录|目錄|目次|목차';

/** Space, and the direction marks Amazon puts around its colons. */
export const GAP = '[\\s\\u200b-\\u200f]*';
/** Label words as a regex: special characters escaped, any run of space between words (raw page text breaks lines). */
export const escaped = (words: string) => words.replace(/[()/.]/g, '\\$&').replace(/ /g, '\\s+');
/** What may follow a label word: a short "(…)", a colon, and no further letter. */
export const LABEL_END = `${GAP}(?:\\([^)]{0,12}\\))?${GAP}[:：]?${GAP}(?![\\p{L}])`;

/**
 * A contents label at the start of a text (after a "1." numbering), ended as
 * every label is. Made on first use: the scripts that carry this module for
 * its field kinds alone (the generic signals' metadata pass) then drop it.
 */
let contentsLabel: RegExp | undefined;

/** Headings that name a contents section ("Table of contents", 目录): a cheap look for the TOC alone. */
export function contentsHeadings(doc: Document): LabelledField[] {
  // One collection per level, put back in page order: a selector list walks a large page several times slower in
  // Chromium, and a tag's collection is kept by the browser until the page changes, so asking again is free.
  // The raw text is tested (the label allows space anywhere): cleaning every heading's text cost more than the test.
  contentsLabel ??= new RegExp(`^${GAP}(?:\\d\\.\\s*)?(?:${escaped(CONTENTS)})${LABEL_END}`, 'iu');
  const label = contentsLabel;
  return ['h2', 'h3', 'h4']
    .flatMap((level) => [...doc.getElementsByTagName(level)].filter((heading) => label.test(heading.textContent!)))
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 /* b follows a */ ? -1 : 1))
    .map((heading) => ({ field: Field.Contents, el: heading, at: heading, row: heading, text: '', links: [] }));
}
