/**
 * The background's IndexedDB: the one place that names the database, its
 * stores, its version and its upgrades. Only the background opens it; pages
 * and content scripts ask through lib/messages.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CanonSnapshotBook } from '../../shared/canon-snapshot';
import type { WriteIntent, WriteKind } from '../../shared/messages/payloads';

export const DB_NAME = 'bookside';
export const DB_VERSION = 3;

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

/**
 * This browser's commenter identity on one canon server. It holds the e-mail
 * address and the secret, so it lives only here and is only ever described
 * to extension pages (lib/background/identity).
 */
export interface IdentityRecord {
  /** The canon server's origin: an identity is only valid there. */
  server: string;
  id: string;
  secret: string;
  name: string;
  email: string;
  confirmed: boolean;
  confirmedAt: string | null;
  registeredAt: number;
  /** When the server was last asked about the confirmation state. */
  checkedAt: number;
  /** The server answered 401 for this secret: the reader must register again. */
  rejected: boolean;
}

/** A write waiting to be sent (lib/background/outbox). */
export interface OutboxRow {
  /** `crypto.randomUUID()`, made before anything is sent; also the Idempotency-Key. */
  id: string;
  kind: WriteKind;
  /** Writes with the same key are sent one at a time, in `seq` order (one book, or one nomination). */
  orderKey: string;
  /** Monotonic per database; creation order. */
  seq: number;
  /** What the reader asked for, already validated; shown in the outbox view and exported. */
  intent: WriteIntent;
  /** Built once at enqueue, so every retry sends the same bytes under the same key. */
  request: StoredRequest;
  createdAt: number;
  attempts: number;
  state: 'queued' | 'sending' | 'failed';
  /** Not sent before this time (backoff, Retry-After). */
  notBefore: number;
  /** While `sending`: after this the lease is void and the row counts as queued again. */
  leaseUntil: number;
  lastError: string | null;
  /**
   * The last attempt never reached the server (no network, server down). The
   * first answer the server gives anything after that makes the row due at
   * once instead of waiting out its backoff.
   */
  unreachable?: boolean;
}

/** The canon request a write becomes: method, path under /api/v1 and the exact JSON text. */
export interface StoredRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body: string | null;
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
  /** The canon index in document mode: every match key the canon knows (issue 16). */
  canonIndex: { key: string; value: IndexKeyRecord; indexes: { target: string } };
}

/** One match key of the canon index (lib/background/canon-index): what it points at. */
export interface IndexKeyRecord {
  /** `isbn:<ISBN-13>` or `title:<title key>|<surname key>` (lib/shared/api/canon-index). */
  key: string;
  /** `b:<canon id>` or `n:<nomination id>`. */
  target: string;
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
      if (oldVersion < 3) {
        // Seeded from the snapshot at the next worker start (canon-index/state).
        db.createObjectStore('canonIndex', { keyPath: 'key' }).createIndex('target', 'target');
      }
    },
  });
}
