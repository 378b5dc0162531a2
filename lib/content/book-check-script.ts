/**
 * The body of `content-scripts/book-check.js`, loaded into a frame whose
 * site adapter read a book (see `closer-look.ts`). It only leaves the check,
 * and the schema.org readers some site adapters lean on, for the frame's
 * content script; and the chapters reader it carries for the check, for the
 * generic signals to read a contents field with (closer-look-script.ts).
 */
import { checkAdapterBook } from '../detect/book-check';
import { SCHEMA_READERS } from '../detect/signals/schema-readers';
import { readChapters } from '../detect/signals/toc';
import { BOOK_CHECK_HOOK, installCloserLook, installSchemaReaders } from './closer-look';
import { CHAPTERS_HOOK, genericHooks } from './generic-hooks';

export function provideBookCheck(): void {
  installSchemaReaders(SCHEMA_READERS);
  genericHooks[CHAPTERS_HOOK] = readChapters;
  installCloserLook(BOOK_CHECK_HOOK, (adapterRef, doc) => (adapterRef ? checkAdapterBook(adapterRef, doc) : null));
}
