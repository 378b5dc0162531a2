import type { BookRef } from '../shared/book-ref';

// Detection's own modules read the BookRef types through this file.
export type { BookFormat, BookRef, Chapter, Signal } from '../shared/book-ref';

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
