/**
 * The canon index as this browser holds it: its match keys (document mode,
 * the `canonIndex` store) and what it was synced from (the `meta` store).
 * The shipped snapshot seeds it, so the extension decides "known / not known"
 * with no server from its first start.
 */
import { indexKeysOf, type CanonIndexHeader, type IndexEntry } from '../../shared/api';
import type { BooksideDb } from '../database/schema';

const STATE_KEY = 'canonIndexState';

export interface IndexState {
  /** The server this index came from; null while it is the snapshot's seed. */
  server: string | null;
  /** The server's header as last synced; null for the seed. */
  header: CanonIndexHeader | null;
  /** The server's ETag for `header.version`, sent back as If-None-Match. */
  etag: string | null;
  /** Last time the server answered a sync (or the seed was laid). */
  syncedAt: number;
  /** Last sync attempt, answered or not: failures wait before the next one. */
  triedAt: number;
}

export async function readIndexState(db: BooksideDb): Promise<IndexState | null> {
  const text = await db.get('meta', STATE_KEY);
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text) as IndexState;
  } catch {
    return null;
  }
}

export async function writeIndexState(db: BooksideDb, state: IndexState): Promise<void> {
  await db.put('meta', JSON.stringify(state), STATE_KEY);
}

/**
 * Replaces every key with `entries` and records `state`, in one transaction:
 * a worker stopped half-way leaves the old index whole.
 */
export async function replaceIndex(db: BooksideDb, entries: IndexEntry[], state: IndexState): Promise<void> {
  const tx = db.transaction(['canonIndex', 'meta'], 'readwrite');
  const keys = tx.objectStore('canonIndex');
  await keys.clear();
  for (const entry of entries) for (const key of entry.k) void keys.put({ key, target: entry.t });
  void tx.objectStore('meta').put(JSON.stringify(state), STATE_KEY);
  await tx.done;
}

/** Applies a delta: each added entry replaces what its target had; removed targets go. */
export async function applyIndexDelta(
  db: BooksideDb,
  delta: { added: IndexEntry[]; removed: string[] },
  state: IndexState,
): Promise<void> {
  const tx = db.transaction(['canonIndex', 'meta'], 'readwrite');
  const keys = tx.objectStore('canonIndex');
  const byTarget = keys.index('target');
  for (const target of [...delta.removed, ...delta.added.map((e) => e.t)]) {
    for (const key of await byTarget.getAllKeys(target)) await keys.delete(key);
  }
  for (const entry of delta.added) for (const key of entry.k) await keys.put({ key, target: entry.t });
  await tx.objectStore('meta').put(JSON.stringify(state), STATE_KEY);
  await tx.done;
}

/**
 * Lays the snapshot's books down as the index when nothing better is held:
 * on first start, and when a newer build ships a new snapshot while the
 * index still is the old seed. An index synced from a server is kept.
 */
export async function seedIndexFromSnapshot(db: BooksideDb, now: number): Promise<boolean> {
  const state = await readIndexState(db);
  if (state !== null && state.server !== null) return false;
  const books = await db.getAll('canon');
  await replaceIndex(
    db,
    books.map((book) => ({ t: `b:${book.id}`, k: indexKeysOf(book) })),
    { server: null, header: null, etag: null, syncedAt: now, triedAt: 0 },
  );
  return true;
}
