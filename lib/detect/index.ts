/**
 * Book detection for the content script: which book, if any, a page is about.
 * Synchronous and DOM-only (no Node APIs, no heavy imports): it is bundled
 * into the script injected into every matched page.
 */
import { detectBookWith } from './detect-with';
import { SITE_ADAPTERS } from './sites';
import type { BookRef } from './base/types';

export type { BookFormat, BookRef, Chapter, SiteAdapter } from './base/types';

/**
 * The book this page is about, or null. The first adapter whose `test`
 * accepts the page reads it; pages no adapter claims, and pages it finds no
 * book on (unless it says they are not one book), get the generic signals.
 * Never throws: an internal error yields null.
 */
export function detectBook(doc: Document, url: string | URL): BookRef | null {
  return detectBookWith(SITE_ADAPTERS, doc, url);
}

/** Match patterns for the content script: every adapter's, deduplicated. */
export const CONTENT_SCRIPT_MATCHES: string[] = [...new Set(SITE_ADAPTERS.flatMap((adapter) => adapter.matches))];
