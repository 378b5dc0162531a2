/**
 * The closer look at a book a site adapter read: checked against what the
 * page's own metadata says (a record the metadata calls a periodical, a CD
 * or a film is not a book), and given the contents the page prints (those the
 * adapter found, else a contents heading's list). Apart
 * from the generic signals (`generic.ts`): most book pages are an adapter's,
 * and this is all they need, so it is the small script they load.
 */
import { withChapters } from './base/bookref';
import { chaptersFromContents } from './base/contents-note';
import { readCoins } from './signals/coins';
import { contentsHeadings } from './signals/field-kinds';
import { typedNotBook } from './signals/schema';
import { readChapters } from './signals/toc';
import type { AdapterBook, BookRef } from './base/types';

export function checkAdapterBook({ contents, ...ref }: AdapterBook, doc: Document): BookRef | null {
  if (typedNotBook(doc) || readCoins(doc).notBook) return null;
  if (ref.chapters) return ref;
  const listed = contents ? chaptersFromContents(contents) : [];
  return withChapters(ref, listed.length > 0 ? listed : readChapters(contentsHeadings(doc)));
}
