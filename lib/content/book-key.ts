import type { BookRef } from '../shared/book-ref';

/** The same book stays the same sidebar (and one report): edition ISBN first, else title and authors. */
export function bookKey(book: BookRef): string {
  return book.isbn13[0] ?? `${book.title ?? ''}\u0000${book.authors.join('\u0000')}`;
}
