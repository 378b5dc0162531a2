/**
 * Detection's closer look, taken only when the first look (`first-look.ts`)
 * says it may matter: an adapter's book is checked (`book-check.ts`);
 * without one, the generic signals read the page (`generic.ts`). Pages load
 * the two as separate scripts; this joins them for detection in one go.
 */
import { checkAdapterBook } from './book-check';
import { detectGeneric } from './generic';
import type { BookRef } from './base/types';

export function closerLook(adapterRef: BookRef | null, doc: Document, url: URL): BookRef | null {
  return adapterRef ? checkAdapterBook(adapterRef, doc) : detectGeneric(doc, url);
}
