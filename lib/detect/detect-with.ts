import { closerLook } from './closer-look';
import { closerLookWanted, firstLook, schemaReadersWanted } from './first-look';
import { SCHEMA_READERS } from './signals/schema-readers';
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
    // As in a page: the schema.org readers only where the adapter wants them and the page has markup.
    const schema = schemaReadersWanted(adapters, doc, pageUrl) ? SCHEMA_READERS : undefined;
    const wanted = closerLookWanted(firstLook(adapters, doc, pageUrl, schema));
    return wanted ? closerLook(wanted.adapterRef, doc, pageUrl) : null;
  } catch {
    return null;
  }
}
