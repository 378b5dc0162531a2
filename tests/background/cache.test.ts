import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheBytes, cacheClear, cacheDeletePrefix, cacheGet, cachePut } from '../../lib/background/cache/cache';
import { loadCanonSnapshot, snapshotLookup } from '../../lib/background/canon/snapshot';
import { openBooksideDb, type BooksideDb } from '../../lib/background/database/schema';
import { enqueue, listOutbox } from '../../lib/background/outbox/store';

const NOW = 1_700_000_000_000;
let db: BooksideDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openBooksideDb();
});

describe('answer cache', () => {
  it('answers fresh, then stale, then not at all', async () => {
    await cachePut(
      db,
      'canon:s:isbn:1',
      { inCanon: false, nomination: null },
      { kind: 'canon', freshMs: 1_000, now: NOW },
    );
    expect(await cacheGet(db, 'canon:s:isbn:1', NOW + 500)).toMatchObject({ fresh: true, value: { inCanon: false } });
    expect(await cacheGet(db, 'canon:s:isbn:1', NOW + 5_000)).toMatchObject({ fresh: false, fetchedAt: NOW });
    expect(await cacheGet(db, 'canon:s:isbn:1', NOW + 365 * 86_400_000)).toBeUndefined();
    expect(await cacheGet(db, 'canon:s:isbn:2', NOW)).toBeUndefined();
  });

  it('stays under its size bound by evicting the least recently used, never the outbox', async () => {
    const row = await enqueue(db, { intent: { kind: 'rating', bookId: 'we-think', value: 4 } }, NOW);
    const value = 'x'.repeat(1_000);
    for (let i = 0; i < 30; i++) {
      await cachePut(db, `k${i}`, value, { kind: 'test', freshMs: 1_000, now: NOW + i, maxBytes: 10_000 });
      // k0 is read after every write, so it stays recently used.
      if (i > 0) await cacheGet(db, 'k0', NOW + i);
    }
    expect(await cacheBytes(db)).toBeLessThanOrEqual(10_000);
    expect(await cacheGet(db, 'k0', NOW + 100)).toBeDefined();
    expect(await cacheGet(db, 'k29', NOW + 100)).toBeDefined();
    expect(await cacheGet(db, 'k1', NOW + 100)).toBeUndefined();
    expect((await listOutbox(db)).map((r) => r.id)).toEqual([row.id]);
  });

  it('evicts and retries when the disk is full', async () => {
    for (let i = 0; i < 10; i++) {
      await cachePut(db, `old${i}`, 'y'.repeat(500), { kind: 'test', freshMs: 1_000, now: NOW + i });
    }
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(function (this: IDBObjectStore) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await cachePut(db, 'new', 'z', { kind: 'test', freshMs: 1_000, now: NOW + 20 });
    spy.mockRestore();
    expect(IDBObjectStore.prototype.put).toBe(put);
    expect(await cacheGet(db, 'new', NOW + 21)).toMatchObject({ value: 'z' });
    expect(await cacheGet(db, 'old0', NOW + 21)).toBeUndefined();
  });

  it("drops one book's pages by prefix and clears everything on request", async () => {
    await cachePut(db, 'comments:s:we-think:anon:', [1], { kind: 'comments', freshMs: 1_000, now: NOW });
    await cachePut(db, 'comments:s:sabriel:anon:', [2], { kind: 'comments', freshMs: 1_000, now: NOW });
    await cacheDeletePrefix(db, 'comments:s:we-think:');
    expect(await cacheGet(db, 'comments:s:we-think:anon:', NOW)).toBeUndefined();
    expect(await cacheGet(db, 'comments:s:sabriel:anon:', NOW)).toBeDefined();
    await cacheClear(db);
    expect(await cacheGet(db, 'comments:s:sabriel:anon:', NOW)).toBeUndefined();
    expect(await cacheBytes(db)).toBe(0);
  });
});

describe('embedded canon snapshot', () => {
  const books = JSON.parse(
    readFileSync(new URL('../../server/seed/canon-books.json', import.meta.url), 'utf8'),
  ) as unknown[];

  it('loads the repo canon once per version and answers by ISBN and by title and author', async () => {
    expect(await loadCanonSnapshot(db, { version: 'v1', books })).toBe(true);
    expect(await loadCanonSnapshot(db, { version: 'v1', books })).toBe(false);
    const byIsbn = await snapshotLookup(db, { isbn13: '9781861978370' });
    expect(byIsbn.inCanon && byIsbn.entry).toMatchObject({ id: 'we-think', title: 'We-Think' });
    expect(byIsbn.inCanon && byIsbn.entry.chapters[0]).toEqual({ title: 'You are what you share', source: 'canon' });
    const byTitle = await snapshotLookup(db, {
      title: 'We Think: Mass innovation, not mass production',
      author: 'Leadbeater',
    });
    expect(byTitle.inCanon && byTitle.entry.id).toBe('we-think');
    expect(await snapshotLookup(db, { isbn13: '9780000000002' })).toEqual({ inCanon: false, nomination: null });
  });

  it('refuses a malformed snapshot and keeps the loaded one', async () => {
    await loadCanonSnapshot(db, { version: 'v1', books });
    await expect(loadCanonSnapshot(db, { version: 'v2', books: [{ id: 3 }] })).rejects.toThrow();
    expect((await snapshotLookup(db, { isbn13: '9781861978370' })).inCanon).toBe(true);
  });
});
