/** What a book page is about, as read from the page itself. */
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
   * not show them (a MARC export, an unAPI link). The background may follow it.
   */
  recordLink?: string;
}

/**
 * One site: a pure URL test first (cheap, runs on every page of a matched
 * site), then `detect`, which reads the document and returns `null` rather
 * than throwing when the page is not one book.
 *
 * The first adapter whose `test` accepts a page decides, `null` included:
 * the generic signals do not run after it. An adapter that wants them calls
 * `detectGeneric` (lib/detect/generic) itself and refines the result.
 */
export interface SiteAdapter {
  id: string;
  /** Human name for reports (`Barnes & Noble`). */
  name: string;
  /** Match patterns for the content script (`*://*.amazon.de/*`). Empty for platform adapters that recognise a page by markup on any host. */
  matches: string[];
  /** True when this adapter should look at the page at this URL. */
  test(url: URL, doc: Document): boolean;
  detect(doc: Document, url: URL): BookRef | null;
}
