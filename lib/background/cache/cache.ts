/**
 * The background's answer cache in IndexedDB: canon lookups, comment pages,
 * chapter lists. Stale entries are still returned (flagged) so callers can
 * show them while they refresh. Bounded in size with least-recently-used
 * eviction; only the `cache` store is ever evicted, never the outbox.
 */
import type { BooksideDb, CacheRecord } from '../database/schema';
import { CACHE_EVICT_TO_RATIO, CACHE_MAX_AGE_MS, CACHE_MAX_BYTES, CACHE_QUOTA_EVICT_RATIO } from '../core/limits';

const BYTES_KEY = 'cacheBytes';

export interface Cached<T> {
  value: T;
  fetchedAt: number;
  fresh: boolean;
}

export async function cacheGet<T>(db: BooksideDb, key: string, now: number): Promise<Cached<T> | undefined> {
  const tx = db.transaction('cache', 'readwrite');
  const record = await tx.store.get(key);
  if (record === undefined || now - record.fetchedAt > CACHE_MAX_AGE_MS) {
    await tx.done;
    return undefined;
  }
  void tx.store.put({ ...record, lastUsedAt: now });
  await tx.done;
  return { value: record.value as T, fetchedAt: record.fetchedAt, fresh: now < record.freshUntil };
}

export interface CachePutOptions {
  kind: string;
  freshMs: number;
  now: number;
  maxBytes?: number;
}

export async function cachePut(db: BooksideDb, key: string, value: unknown, options: CachePutOptions): Promise<void> {
  try {
    await putBounded(db, key, value, options);
  } catch (error) {
    if (!isQuotaExceeded(error)) throw error;
    // The disk is fuller than our own bound knew: make room, then try once more.
    const used = await cacheBytes(db);
    await evictTo(db, Math.floor(used * CACHE_QUOTA_EVICT_RATIO));
    await putBounded(db, key, value, options);
  }
}

async function putBounded(
  db: BooksideDb,
  key: string,
  value: unknown,
  { kind, freshMs, now, maxBytes = CACHE_MAX_BYTES }: CachePutOptions,
) {
  const bytes = JSON.stringify(value)?.length ?? 0;
  const record: CacheRecord = { key, kind, value, fetchedAt: now, freshUntil: now + freshMs, lastUsedAt: now, bytes };
  const tx = db.transaction(['cache', 'meta'], 'readwrite');
  const store = tx.objectStore('cache');
  const meta = tx.objectStore('meta');
  const previous = await store.get(key);
  let total = Number((await meta.get(BYTES_KEY)) ?? 0) - (previous?.bytes ?? 0) + bytes;
  await store.put(record);
  if (total > maxBytes) {
    const target = maxBytes * CACHE_EVICT_TO_RATIO;
    let cursor = await store.index('lastUsedAt').openCursor();
    while (cursor !== null && total > target) {
      if (cursor.value.key !== key) {
        total -= cursor.value.bytes;
        await cursor.delete();
      }
      cursor = await cursor.continue();
    }
  }
  await meta.put(total, BYTES_KEY);
  await tx.done;
}

export async function cacheBytes(db: BooksideDb): Promise<number> {
  return Number((await db.get('meta', BYTES_KEY)) ?? 0);
}

/** Deletes least-recently-used entries until the cache holds at most `targetBytes`. */
export async function evictTo(db: BooksideDb, targetBytes: number): Promise<void> {
  const tx = db.transaction(['cache', 'meta'], 'readwrite');
  let total = Number((await tx.objectStore('meta').get(BYTES_KEY)) ?? 0);
  let cursor = await tx.objectStore('cache').index('lastUsedAt').openCursor();
  while (cursor !== null && total > targetBytes) {
    total -= cursor.value.bytes;
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.objectStore('meta').put(Math.max(0, total), BYTES_KEY);
  await tx.done;
}

/** Drops every entry whose key starts with `prefix` (e.g. one book's comment pages after a post). */
export async function cacheDeletePrefix(db: BooksideDb, prefix: string): Promise<void> {
  const tx = db.transaction(['cache', 'meta'], 'readwrite');
  let total = Number((await tx.objectStore('meta').get(BYTES_KEY)) ?? 0);
  let cursor = await tx.objectStore('cache').openCursor(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  while (cursor !== null) {
    total -= cursor.value.bytes;
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.objectStore('meta').put(Math.max(0, total), BYTES_KEY);
  await tx.done;
}

export async function cacheClear(db: BooksideDb): Promise<void> {
  const tx = db.transaction(['cache', 'meta'], 'readwrite');
  await tx.objectStore('cache').clear();
  await tx.objectStore('meta').put(0, BYTES_KEY);
  await tx.done;
}

function isQuotaExceeded(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError';
}
