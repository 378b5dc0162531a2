import { normalizeIsbn } from '../../shared/isbn';
import type { AdapterBook, BookFormat, BookRef, Chapter, Signal } from './types';
import { bareTitle, cleanText, personNames } from './text';

export interface BookRefDraft {
  site: string;
  signals: Signal[];
  /** ISBNs in any written form, the page's own edition first; invalid ones are dropped. */
  isbns?: Iterable<string>;
  title?: string;
  authors?: Iterable<string>;
  format?: BookFormat;
  asin?: string;
  chapters?: Chapter[];
  recordLink?: string;
}

/** Distinct canonical ISBN-13s in order, invalid input dropped. */
export function canonicalIsbns(isbns: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const isbn of isbns) {
    const canonical = normalizeIsbn(isbn);
    if (canonical) seen.add(canonical);
  }
  return [...seen];
}

/**
 * A `BookRef` from what an adapter read: ISBNs normalised and deduplicated,
 * names cleaned. Null when the draft names neither an ISBN nor a title —
 * such a page is not recognisably about one book.
 */
export function buildBookRef(draft: BookRefDraft): BookRef | null {
  const isbn13 = canonicalIsbns(draft.isbns ?? []);
  const authors = personNames(draft.authors ?? []);
  const title = bareTitle(cleanText(draft.title), authors);
  if (isbn13.length === 0 && !title) return null;
  const ref: BookRef = {
    isbn13,
    authors,
    site: draft.site,
    signals: [...new Set(draft.signals)],
  };
  if (title) ref.title = title;
  if (draft.format) ref.format = draft.format;
  if (draft.asin) ref.asin = draft.asin;
  if (draft.chapters && draft.chapters.length > 0) ref.chapters = draft.chapters;
  if (draft.recordLink) ref.recordLink = draft.recordLink;
  return ref;
}

/**
 * `buildBookRef` for a site adapter's book with the contents its page prints
 * (a 505 note, or one entry per item): the book check reads them into
 * chapters (`AdapterBook`). Apart, so the generic signals' scripts do not
 * carry it.
 */
export function buildAdapterBook({ contents, ...draft }: BookRefDraft & { contents: string[] }): AdapterBook | null {
  const ref = buildBookRef(draft);
  return ref && { ...ref, contents };
}

/** `ref` with the chapters a contents list gave, when it gave any. */
export function withChapters(ref: BookRef, chapters: Chapter[]): BookRef {
  return chapters.length > 0 ? { ...ref, chapters } : ref;
}
