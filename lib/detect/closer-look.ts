/**
 * Detection's closer look, taken only when the first look (`first-look.ts`)
 * says it may matter: an adapter's book is checked (`book-check.ts`);
 * without one, the generic signals read the page, metadata first
 * (`generic.ts`), then the page's text where the metadata falls short
 * (`generic-page.ts`), combined (`generic-combine.ts`). Pages load these as separate scripts
 * (lib/content/closer-look.ts); this joins them for detection in one go.
 */
import { withChapters } from './base/bookref';
import { checkAdapterBook } from './book-check';
import { detectFromMetadata } from './generic';
import { combineReadings } from './generic-combine';
import { readPage } from './generic-page';
import { readChapters } from './signals/toc';
import type { AdapterBook, BookRef } from './base/types';

export function detectGeneric(doc: Document, url: URL): BookRef | null {
  const first = detectFromMetadata(doc, url);
  if ('ref' in first) return first.ref;
  const { readings, fields } = readPage(doc, url, first.readings);
  const ref = combineReadings(readings);
  return ref ? withChapters(ref, readChapters(fields)) : null;
}

export function closerLook(adapterRef: AdapterBook | null, doc: Document, url: URL): BookRef | null {
  return adapterRef ? checkAdapterBook(adapterRef, doc) : detectGeneric(doc, url);
}
