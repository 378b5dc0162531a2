import { detectGeneric } from './generic';
import type { BookRef, SiteAdapter } from './types';

/**
 * Detection with a given set of site adapters. Each site's content script
 * bundles only its own adapter through this, so a page receives one site's
 * selectors, not all of them. Never throws: an internal error yields null.
 */
export function detectBookWith(adapters: readonly SiteAdapter[], doc: Document, url: string | URL): BookRef | null {
  try {
    const pageUrl = typeof url === 'string' ? new URL(url) : url;
    for (const adapter of adapters) {
      if (adapter.test(pageUrl, doc)) return adapter.detect(doc, pageUrl);
    }
    return detectGeneric(doc, pageUrl);
  } catch {
    return null;
  }
}
