import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openBooksideDb, type BooksideDb } from '../../lib/background/database/schema';
import { enqueue, leaseSendable, listOutbox } from '../../lib/background/outbox/store';
import { pendingView } from '../../lib/background/tabs/book-view';

const NOW = 1_700_000_000_000;
let db: BooksideDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openBooksideDb();
});

const kinds = async () => (await listOutbox(db)).map((row) => row.intent);

describe('outbox replacement', () => {
  it('keeps one unsent rating and one unsent tag set per book: the newest', async () => {
    await enqueue(db, { intent: { kind: 'rating', bookId: 'we-think', value: 5 } }, NOW);
    await enqueue(db, { intent: { kind: 'tags', bookId: 'we-think', tags: ['a'] } }, NOW);
    await enqueue(db, { intent: { kind: 'rating', bookId: 'sabriel', value: 2 } }, NOW);
    await enqueue(db, { intent: { kind: 'rating', bookId: 'we-think', value: 4.5 } }, NOW + 1);
    await enqueue(db, { intent: { kind: 'tags', bookId: 'we-think', tags: ['a', 'b'] } }, NOW + 2);
    expect(await kinds()).toEqual([
      { kind: 'rating', bookId: 'sabriel', value: 2 },
      { kind: 'rating', bookId: 'we-think', value: 4.5 },
      { kind: 'tags', bookId: 'we-think', tags: ['a', 'b'] },
    ]);
    // Removing the rating is a write to the same value: it replaces the rating too.
    await enqueue(db, { intent: { kind: 'removeRating', bookId: 'we-think' } }, NOW + 3);
    expect((await kinds()).filter((i) => 'bookId' in i && i.bookId === 'we-think').map((i) => i.kind)).toEqual([
      'tags',
      'removeRating',
    ]);
  });

  it('never replaces a write in flight, nor comments, links or any other additive write', async () => {
    const first = await enqueue(db, { intent: { kind: 'rating', bookId: 'we-think', value: 5 } }, NOW);
    await enqueue(db, { intent: { kind: 'comment', bookId: 'we-think', body: 'One', spoiler: false } }, NOW);
    const [leased] = await leaseSendable(db, NOW, 1);
    expect(leased?.id).toBe(first.id);
    await enqueue(db, { intent: { kind: 'rating', bookId: 'we-think', value: 3 } }, NOW + 1);
    await enqueue(db, { intent: { kind: 'comment', bookId: 'we-think', body: 'Two', spoiler: false } }, NOW + 1);
    const rows = await listOutbox(db);
    expect(rows.map((row) => row.state)).toEqual(['sending', 'queued', 'queued', 'queued']);
    expect(rows[0]?.id).toBe(first.id);
    // The newer rating is behind the one in flight, so the server ends with the newer value.
    expect(rows.map((row) => row.intent.kind)).toEqual(['rating', 'comment', 'rating', 'comment']);
  });

  it('keeps an existing newer write when an older one is imported', async () => {
    const newer = await enqueue(db, { intent: { kind: 'rating', bookId: 'we-think', value: 5 } }, NOW);
    await enqueue(db, { intent: { kind: 'rating', bookId: 'we-think', value: 1 }, createdAt: NOW - 1_000 }, NOW);
    expect((await listOutbox(db)).map((row) => row.id)).toContain(newer.id);
    expect(await listOutbox(db)).toHaveLength(2);
  });
});

describe('outbox entries as pages show them', () => {
  it('name the book the writing page named, and never send that name', async () => {
    const row = await enqueue(
      db,
      { intent: { kind: 'rating', bookId: 'we-think', value: 4, bookTitle: 'We-Think' } },
      NOW,
    );
    expect(pendingView(row, true).bookTitle).toBe('We-Think');
    expect(row.request.body).toBe('{"value":4}');
    const untitled = await enqueue(db, { intent: { kind: 'tags', bookId: 'we-think', tags: [] } }, NOW);
    expect(pendingView(untitled, true).bookTitle).toBeNull();
    expect(pendingView(untitled, false).state).toBe('waiting-for-identity');
  });
});
