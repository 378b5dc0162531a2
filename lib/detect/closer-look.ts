/**
 * Detection's closer look: the generic signals, loaded into a page only when
 * the first look (`first-look.ts`) says they may matter. An adapter's book is
 * checked against what the page's own metadata says (a record the metadata
 * calls a periodical, a CD or a film is not a book; a page that prints its
 * contents gets them); without an adapter's book, the generic signals read
 * the page.
 */
import { detectGeneric } from './generic';
import { readCoins } from './signals/coins';
import { contentsHeadings } from './signals/labels';
import { typedNotBook } from './signals/schema';
import { readChapters } from './signals/toc';
import type { BookRef } from './base/types';

export function closerLook(adapterRef: BookRef | null, doc: Document, url: URL): BookRef | null {
  if (!adapterRef) return detectGeneric(doc, url);
  if (typedNotBook(doc) || readCoins(doc).notBook) return null;
  if (adapterRef.chapters) return adapterRef;
  const chapters = readChapters(contentsHeadings(doc));
  return chapters.length > 0 ? { ...adapterRef, chapters } : adapterRef;
}
