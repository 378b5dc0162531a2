import type { BookRef } from '../../shared/book-ref';
import type { SchemaReaders } from './schema-readers';

// Detection's own modules read the BookRef types through this file.
export type { BookFormat, BookRef, Chapter, Signal } from '../../shared/book-ref';

/**
 * A site adapter's book, before the book check (book-check.ts): it may carry
 * the page's contents as printed, a 505 note or one entry per item, which the
 * check reads into chapters and drops. Parsing them there keeps that parser
 * out of the scripts every page of a site loads.
 */
export interface AdapterBook extends BookRef {
  contents?: string[];
}

/**
 * One site: a pure URL test first (cheap, runs on every page of a matched
 * site), then `detect`, which reads the document and returns `null` rather
 * than throwing when it finds no book.
 *
 * The first adapter whose `test` accepts a page reads it. Its BookRef
 * decides. Its `null` means "I found no book here" (a layout it does not
 * know, a page it cannot read) and leaves the page to the generic signals,
 * so a page whose own metadata names one book is never lost to an adapter.
 * An adapter says "this page is not one book" (a search, a list, an account
 * page, another department's product) with `notOneBook`, which is final:
 * nothing else is asked. Its `urlMayBeBook` says which addresses cannot be one
 * book: there only the page's metadata is read. An adapter
 * that wants the generic reading as a base calls `detectGeneric`
 * (lib/detect/generic) itself and refines it.
 */
export interface SiteAdapter {
  id: string;
  /** Human name for reports (`Barnes & Noble`). */
  name: string;
  /** Match patterns for the content script (`*://*.amazon.de/*`). Empty for platform adapters that recognise a page by markup on any host. */
  matches: string[];
  /** True when this adapter should look at the page at this URL. */
  test(url: URL, doc: Document): boolean;
  /**
   * Optional, asked when `detect` found no book: true when this page is not
   * one book whatever else it carries (a search or results page, a list, a
   * shelf, an account page, a product of another department). The page then
   * gives null without the generic signals' scan.
   */
  notOneBook?(url: URL, doc: Document): boolean;
  /**
   * Optional, the address alone: false when a page at this URL cannot be one
   * book (a search, a list, the cart). There `detect` is not asked, the
   * page's printed text is not scanned for an ISBN (a list's are other
   * items'), only its metadata may still name a book to the generic signals;
   * and the content script does not start the sidebar's frame before
   * detection (lib/content/early-frame). Absent: every page `test` accepts
   * may be one.
   */
  urlMayBeBook?(url: URL): boolean;
  /**
   * True for sites that change the address without loading a page (single-page
   * apps): only their content scripts watch the address (lib/content/page-context).
   */
  navigatesInPlace?: true;
  /**
   * True when `detect` reads schema.org markup through its `schema` readers:
   * where the page has some, they are loaded (with the closer look) before
   * it runs. Without this, or without the argument, `schema` finds nothing.
   */
  readsSchema?: true;
  detect(doc: Document, url: URL, schema?: SchemaReaders): AdapterBook | null;
}
