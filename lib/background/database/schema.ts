/**
 * The background's IndexedDB: the one place that names the database, its
 * stores, its version and its upgrades. Only the background opens it; pages
 * and content scripts ask through lib/messages.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CanonSnapshotBook } from '../../shared/canon-snapshot';
import type { IdentityRecord } from '../identity/record';
import type { OutboxRow } from '../outbox/row';

export const DB_NAME = 'bookside';
export const DB_VERSION = 2;

export interface CacheRecord {
  /** `<kind>:<scope>:<key>`; see lib/background/cache/keys. */
  key: string;
  kind: string;
  value: unknown;
  fetchedAt: number;
  freshUntil: number;
  lastUsedAt: number;
  /** JSON length, the unit of the cache's size bound. */
  bytes: number;
}

export interface BooksideDbSchema extends DBSchema {
  cache: { key: string; value: CacheRecord; indexes: { lastUsedAt: number } };
  outbox: { key: string; value: OutboxRow; indexes: { seq: number } };
  /** One identity per canon server origin, so switching servers back and forth keeps each. */
  identities: { key: string; value: IdentityRecord };
  /** The canon snapshot shipped with the extension. */
  canon: { key: string; value: CanonSnapshotBook; indexes: { isbn13: string; titleKey: string } };
  meta: { key: string; value: string | number };
  /** Unsent comment drafts per book: the reader's words, kept until posted. */
  drafts: { key: string; value: DraftRecord };
}

export interface DraftRecord {
  bookId: string;
  body: string;
  spoiler: boolean;
  savedAt: number;
}

export type BooksideDb = IDBPDatabase<BooksideDbSchema>;

export function openBooksideDb(): Promise<BooksideDb> {
  return openDB<BooksideDbSchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('cache', { keyPath: 'key' }).createIndex('lastUsedAt', 'lastUsedAt');
        db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('seq', 'seq');
        db.createObjectStore('identities', { keyPath: 'server' });
        const canon = db.createObjectStore('canon', { keyPath: 'id' });
        canon.createIndex('isbn13', 'isbn13', { multiEntry: true });
        canon.createIndex('titleKey', 'titleKey');
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        db.createObjectStore('drafts', { keyPath: 'bookId' });
      }
    },
  });
}
