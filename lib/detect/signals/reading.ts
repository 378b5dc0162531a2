import type { BookFormat, Signal } from '../types';

/** What one generic signal says about the page, before signals are combined. */
export interface SignalReading {
  signal: Signal;
  /** ISBNs as written; the combiner normalises them. */
  isbns: string[];
  title?: string;
  authors: string[];
  format?: BookFormat;
  /** The signal itself says "this page is a book" (og:type book, a Book node). */
  isBook: boolean;
  /** The signal says "this page lists several books" — the page gives no BookRef. */
  isList: boolean;
  recordLink?: string;
}

export function emptyReading(signal: Signal): SignalReading {
  return { signal, isbns: [], authors: [], isBook: false, isList: false };
}

/** schema.org `bookFormat` values and Open Graph/Dublin Core format words → our three formats. */
export function formatFromWord(word: string): BookFormat | undefined {
  const bare = word.replace(/^.*[/#:]/, '').toLowerCase();
  if (/ebook|e-book|kindle|epub|digital/.test(bare)) return 'ebook';
  if (/audio|hörbuch|luisterboek/.test(bare)) return 'audio';
  if (
    /hard(?:cover|back)|paperback|mass-?market|print|graphicnovel|softcover|taschenbuch|gebunden|broché|relié/.test(
      bare,
    )
  ) {
    return 'print';
  }
  return undefined;
}
