/** Loading the shipped canon snapshot into IndexedDB, and answering lookups from it. */
import * as v from 'valibot';
import { authorMatches, matchKey, type CanonEntry, type LookupAnswer } from '../../shared/api';
import type { BooksideDb } from '../database/schema';
import { CanonSnapshotFile, snapshotEntry, toSnapshotBook } from '../../shared/canon-snapshot';

const VERSION_KEY = 'canonSnapshotVersion';

export async function loadedSnapshotVersion(db: BooksideDb): Promise<string | null> {
  const version = await db.get('meta', VERSION_KEY);
  return typeof version === 'string' ? version : null;
}

/**
 * Replaces the stored snapshot with `file` in one transaction, so a worker
 * stopped half-way leaves the old copy whole. Returns false when the same
 * version is already loaded.
 */
export async function loadCanonSnapshot(db: BooksideDb, file: unknown): Promise<boolean> {
  const snapshot = v.parse(CanonSnapshotFile, file);
  if ((await loadedSnapshotVersion(db)) === snapshot.version) return false;
  const tx = db.transaction(['canon', 'meta'], 'readwrite');
  const canon = tx.objectStore('canon');
  await canon.clear();
  for (const book of snapshot.books) void canon.put(toSnapshotBook(book));
  void tx.objectStore('meta').put(snapshot.version, VERSION_KEY);
  await tx.done;
  return true;
}

/** The snapshot's entry for a canon id the index named, when the server cannot be reached. */
export async function snapshotEntryById(db: BooksideDb, id: string): Promise<CanonEntry | null> {
  const book = await db.get('canon', id);
  return book === undefined ? null : snapshotEntry(book);
}

/** The snapshot's answer for an ISBN-13, or for a title and author when the page has no ISBN. */
export async function snapshotLookup(
  db: BooksideDb,
  query: { isbn13: string } | { title: string; author: string },
): Promise<LookupAnswer> {
  if ('isbn13' in query) {
    const book = await db.getFromIndex('canon', 'isbn13', query.isbn13);
    return book === undefined ? { inCanon: false, nomination: null } : { inCanon: true, entry: snapshotEntry(book) };
  }
  // As the server does: "Title: Subtitle" also matches on the part before the colon.
  const keys = [...new Set([matchKey(query.title), matchKey(query.title.split(':')[0] ?? '')])].filter((k) => k !== '');
  for (const key of keys) {
    const books = await db.getAllFromIndex('canon', 'titleKey', key);
    const book = books.find((b) => authorMatches(query.author, b.authors));
    if (book !== undefined) return { inCanon: true, entry: snapshotEntry(book) };
  }
  return { inCanon: false, nomination: null };
}
