import { detectGeneric } from './generic';
import { readCoins } from './signals/coins';
import { contentsHeadings } from './signals/labels';
import { typedNotBook } from './signals/schema';
import { readChapters } from './signals/toc';
import type { BookRef, SiteAdapter } from './types';

/**
 * What an adapter found, checked against what the page's own metadata says:
 * a record the metadata calls a periodical, a CD or a film is not a book;
 * a page that prints its contents gets them.
 */
function checked(ref: BookRef, doc: Document): BookRef | null {
  if (typedNotBook(doc) || readCoins(doc).notBook) return null;
  if (ref.chapters) return ref;
  const chapters = readChapters(contentsHeadings(doc));
  return chapters.length > 0 ? { ...ref, chapters } : ref;
}

/**
 * Detection with a given set of site adapters. Each site's content script
 * bundles only its own adapter through this, so a page receives one site's
 * selectors, not all of them. The first adapter whose `test` accepts the page
 * reads it: its `notOneBook` verdict (a search, a list) is final, its BookRef
 * wins, and its `null` ("no book I can read") leaves the page to the generic
 * signals. Never throws: an internal error yields null.
 */
export function detectBookWith(adapters: readonly SiteAdapter[], doc: Document, url: string | URL): BookRef | null {
  try {
    const pageUrl = typeof url === 'string' ? new URL(url) : url;
    const adapter = adapters.find((candidate) => candidate.test(pageUrl, doc));
    if (adapter?.notOneBook?.(pageUrl, doc)) return null;
    const ref = adapter?.detect(doc, pageUrl);
    if (ref) return checked(ref, doc);
    return detectGeneric(doc, pageUrl);
  } catch {
    return null;
  }
}
