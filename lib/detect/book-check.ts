/**
 * The closer look at a book a site adapter read: checked against what the
 * page's own metadata says (a record the metadata calls a periodical, a CD
 * or a film is not a book), and given the contents the page prints. Apart
 * from the generic signals (`generic.ts`): most book pages are an adapter's,
 * and this is all they need, so it is the small script they load.
 */
import { withChapters } from './base/bookref';
import { readCoins } from './signals/coins';
import { contentsHeadings } from './signals/field-kinds';
import { typedNotBook } from './signals/schema';
import { readChapters } from './signals/toc';
import type { BookRef } from './base/types';

export function checkAdapterBook(adapterRef: BookRef, doc: Document): BookRef | null {
  if (typedNotBook(doc) || readCoins(doc).notBook) return null;
  if (adapterRef.chapters) return adapterRef;
  return withChapters(adapterRef, readChapters(contentsHeadings(doc)));
}
