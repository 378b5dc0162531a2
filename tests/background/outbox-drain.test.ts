import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { OUTBOX_FLUSH_BATCH, OUTBOX_FLUSH_PASSES } from '../../lib/background/core/limits';
import { openBooksideDb } from '../../lib/background/database/schema';
import { saveIdentity } from '../../lib/background/identity/record';
import { createOutboxSender } from '../../lib/background/outbox/sender';
import { enqueue, listOutbox } from '../../lib/background/outbox/store';
import { FakeCanonWrites } from './support/fake-canon-writes';

const SERVER = 'http://127.0.0.1:8787';

describe('outbox drain', () => {
  it('keeps flushing a queue longer than one flush takes, without waiting for the alarm', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openBooksideDb();
    await saveIdentity(db, {
      server: SERVER,
      id: 'identity-1',
      secret: 'secret-secret-secret',
      name: 'Ada',
      email: 'ada@example.org',
      confirmed: true,
      confirmedAt: null,
      registeredAt: 0,
      checkedAt: 0,
      rejected: false,
    });
    // More rows than one flush sends (passes × batch), over several books.
    const rows = OUTBOX_FLUSH_PASSES * OUTBOX_FLUSH_BATCH * 2 + 5;
    for (let i = 0; i < rows; i++) {
      await enqueue(
        db,
        { intent: { kind: 'comment', bookId: `book-${i % 25}`, body: `comment ${i}`, spoiler: false } },
        Date.now(),
      );
    }
    const canon = new FakeCanonWrites();
    const alarms = new Map<string, number>();
    const sender = createOutboxSender({
      db,
      fetch: canon.fetch,
      now: Date.now,
      random: Math.random,
      server: async () => SERVER,
      alarms: { create: (name, { when }) => void alarms.set(name, when), clear: async (name) => alarms.delete(name) },
      // As in the worker: telling open pages takes a real round trip.
      onFlushed: () => new Promise((resolve) => setTimeout(resolve, 5)),
    });

    await sender.flush();
    for (let i = 0; i < 200 && (await listOutbox(db)).length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await listOutbox(db)).toEqual([]);
    expect(canon.commits).toHaveLength(rows);
    // Let the last flush finish (it finds nothing and sets no timer) before the database closes.
    await sender.flush();
    db.close();
  });
});
