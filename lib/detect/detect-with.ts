import { closerLook } from './closer-look';
import { firstLook } from './first-look';
import type { BookRef, SiteAdapter } from './base/types';

/**
 * Detection with a given set of site adapters, both looks in one go: what
 * the content script does in two steps (its adapter first, the generic
 * signals only if the first look asks for them), so `npm run detect`, the
 * accuracy report and the tests measure exactly what pages get. The first
 * adapter whose `test` accepts the page reads it: its `notOneBook` verdict
 * (a search, a list) is final, its BookRef wins once checked, and its `null`
 * ("no book I can read") leaves the page to the generic signals. Never
 * throws: an internal error yields null.
 */
export function detectBookWith(adapters: readonly SiteAdapter[], doc: Document, url: string | URL): BookRef | null {
  try {
    const pageUrl = typeof url === 'string' ? new URL(url) : url;
    const first = firstLook(adapters, doc, pageUrl);
    if (first.kind === 'not-one-book') return null;
    if (first.kind === 'adapter-book') return closerLook(first.ref, doc, pageUrl);
    return first.mayHoldBook ? closerLook(null, doc, pageUrl) : null;
  } catch {
    return null;
  }
}
