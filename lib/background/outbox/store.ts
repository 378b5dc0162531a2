/**
 * The outbox in IndexedDB. Every write is stored (durably) before anything is
 * sent; a row is leased while being sent and deleted only after a final
 * answer. No transaction here is held across a network call: callers lease,
 * let the transaction commit, send, then settle in a new transaction.
 */
import type { BooksideDb } from '../database/schema';
import type { WriteIntent } from '../../shared/messages/payloads';
import { orderKeyFor, replaceableSlot, requestFor } from './intent';
import { blocksLater, isSendable, leased, type Settlement } from './row';
import type { OutboxRow } from '../database/schema';

const SEQ_KEY = 'outboxSeq';

export interface NewWrite {
  intent: WriteIntent;
  /** Kept when re-importing an exported row, so the server still recognises it. */
  id?: string;
  createdAt?: number;
}

/**
 * Stores a write. A rating or tag set replaces the same book's older one of
 * that kind that is not being sent, and an edit or deletion of a comment an
 * older edit of that comment: both would set the same value and only
 * the newer counts. A row in flight (`sending`) is never touched; the newer
 * row simply follows it (an older import replaces nothing). Done in the same transaction as the insert, so a
 * flush cannot lease the older row in between.
 */
export async function enqueue(db: BooksideDb, write: NewWrite, now: number): Promise<OutboxRow> {
  const tx = db.transaction(['outbox', 'meta'], 'readwrite', { durability: 'strict' });
  const slot = replaceableSlot(write.intent);
  const createdAt = write.createdAt ?? now;
  if (slot !== null) {
    for (const older of await tx.objectStore('outbox').getAll()) {
      // An imported write older than one already here replaces nothing.
      if (older.state !== 'sending' && older.createdAt <= createdAt && replaceableSlot(older.intent) === slot) {
        void tx.objectStore('outbox').delete(older.id);
      }
    }
  }
  const seq = Number((await tx.objectStore('meta').get(SEQ_KEY)) ?? 0) + 1;
  const row: OutboxRow = {
    id: write.id ?? crypto.randomUUID(),
    kind: write.intent.kind,
    orderKey: orderKeyFor(write.intent),
    seq,
    intent: write.intent,
    request: requestFor(write.intent),
    createdAt,
    attempts: 0,
    state: 'queued',
    notBefore: now,
    leaseUntil: 0,
    lastError: null,
  };
  void tx.objectStore('meta').put(seq, SEQ_KEY);
  void tx.objectStore('outbox').put(row);
  await tx.done;
  return row;
}

/** All rows in creation order. */
export function listOutbox(db: BooksideDb): Promise<OutboxRow[]> {
  return db.getAllFromIndex('outbox', 'seq');
}

/**
 * Leases up to `limit` rows that may be sent now: for each order key only its
 * earliest unfinished row, so writes to one book arrive in the order made.
 */
export async function leaseSendable(db: BooksideDb, now: number, limit: number): Promise<OutboxRow[]> {
  const tx = db.transaction('outbox', 'readwrite', { durability: 'strict' });
  const rows = await tx.store.index('seq').getAll();
  const seen = new Set<string>();
  const taken: OutboxRow[] = [];
  for (const row of rows) {
    if (taken.length >= limit) break;
    if (seen.has(row.orderKey) || !blocksLater(row)) continue;
    seen.add(row.orderKey);
    if (!isSendable(row, now)) continue;
    const lease = leased(row, now);
    void tx.store.put(lease);
    taken.push(lease);
  }
  await tx.done;
  return taken;
}

/** Applies the answer for a leased row, unless the row was discarded or re-leased meanwhile. */
export async function applySettlement(db: BooksideDb, leasedRow: OutboxRow, settlement: Settlement): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite', { durability: 'strict' });
  const current = await tx.store.get(leasedRow.id);
  if (current !== undefined && current.leaseUntil === leasedRow.leaseUntil) {
    if (settlement.action === 'delete') void tx.store.delete(leasedRow.id);
    else void tx.store.put(settlement.row);
  }
  await tx.done;
}

/**
 * At worker start no send of this worker can be in flight, so leases left by
 * a killed worker are released at once (the server dedupes a repeat).
 */
export async function releaseLeases(db: BooksideDb): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  for (const row of await tx.store.getAll()) {
    if (row.state === 'sending') void tx.store.put({ ...row, state: 'queued', leaseUntil: 0 });
  }
  await tx.done;
}

/** "Retry now": failed rows (after the reader fixed the cause) and waiting ones become due at once. */
export async function retryNow(db: BooksideDb, id: string | null, now: number): Promise<number> {
  const tx = db.transaction('outbox', 'readwrite');
  let count = 0;
  for (const row of await tx.store.getAll()) {
    if ((id !== null && row.id !== id) || row.state === 'sending') continue;
    void tx.store.put({
      ...row,
      state: 'queued',
      notBefore: now,
      lastError: row.state === 'failed' ? null : row.lastError,
    });
    count++;
  }
  await tx.done;
  return count;
}

/**
 * The server answered again: rows whose last attempt could not reach it are
 * due now. Answers how many were woken.
 */
export async function wakeUnreachable(db: BooksideDb, now: number): Promise<number> {
  const tx = db.transaction('outbox', 'readwrite');
  let count = 0;
  for (const row of await tx.store.getAll()) {
    if (row.state !== 'queued' || row.unreachable !== true) continue;
    if (row.notBefore > now) void tx.store.put({ ...row, notBefore: now });
    count++;
  }
  await tx.done;
  return count;
}

export async function discard(db: BooksideDb, id: string): Promise<boolean> {
  const tx = db.transaction('outbox', 'readwrite');
  const exists = (await tx.store.getKey(id)) !== undefined;
  if (exists) void tx.store.delete(id);
  await tx.done;
  return exists;
}

/** When the next queued row falls due, for the retry alarm; null when nothing waits. */
export async function nextDueAt(db: BooksideDb): Promise<number | null> {
  let next: number | null = null;
  for (const row of await db.getAll('outbox')) {
    if (row.state === 'failed') continue;
    const due = row.state === 'sending' ? row.leaseUntil : row.notBefore;
    next = next === null ? due : Math.min(next, due);
  }
  return next;
}
