/**
 * What a book page is about, as read from the page itself: the value
 * lib/detect returns, the content script reports and the background looks up.
 */
export type BookFormat = 'print' | 'ebook' | 'audio';

/** How a field was found: a generic signal (`jsonld`, `og`, `coins`…) or `site:<id>`. */
export type Signal = string;

export interface Chapter {
  /** 1 for a top-level chapter, 2+ for sections nested under it. */
  level: number;
  /** "Chapter 3", "Part II" — the catalogue's label, when it gives one. */
  label?: string;
  title: string;
  /** The page number as printed ("xi", "23"). */
  page?: string;
}

export interface BookRef {
  /**
   * The edition's own ISBN-13s, normalised and check-digit verified, the page's
   * primary edition first. Empty for an ebook or an edition with no ISBN:
   * never another edition's ISBN.
   */
  isbn13: string[];
  title?: string;
  authors: string[];
  format?: BookFormat;
  /** Amazon's product id, when the page is an Amazon product page. */
  asin?: string;
  /** The site adapter's id (`amazon`, `goodreads`…) or `generic`. */
  site: string;
  /** Which signals decided, in the order they were used. */
  signals: Signal[];
  /** The contents list the page itself carries (MARC 505, a TOC section). */
  chapters?: Chapter[];
  /**
   * A further resource that holds the record's ISBNs when the page itself does
   * not show them (a MARC export, an unAPI link). Reported, never followed: a
   * content script must not choose what the background fetches.
   */
  recordLink?: string;
}
