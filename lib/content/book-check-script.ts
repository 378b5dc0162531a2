/**
 * The body of `content-scripts/book-check.js`, loaded into a frame whose
 * site adapter read a book (see `closer-look.ts`). It only leaves the check,
 * and the schema.org readers some site adapters lean on, for the frame's
 * content script.
 */
import { checkAdapterBook } from '../detect/book-check';
import { SCHEMA_READERS } from '../detect/signals/schema-readers';
import { BOOK_CHECK_HOOK, installCloserLook, installSchemaReaders } from './closer-look';

export function provideBookCheck(): void {
  installSchemaReaders(SCHEMA_READERS);
  installCloserLook(BOOK_CHECK_HOOK, (adapterRef, doc) => (adapterRef ? checkAdapterBook(adapterRef, doc) : null));
}
