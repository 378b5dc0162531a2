/**
 * Every read-modify-write runs through a `Writer`: one transaction that no
 * other writer of the same rows can interleave with, in this process or any
 * other on the same database.
 * - SQLite: `BEGIN IMMEDIATE` takes the database's write lock before the
 *   first read. (A plain BEGIN reads first and then fails with SQLITE_BUSY
 *   when it tries to write after another process did.)
 * - PostgreSQL: READ COMMITTED, and the work locks the rows its decision
 *   rests on with `lockForUpdate` (an identity, then a person, then a comment or a
 *   nomination), always in that order, so writers queue instead of
 *   interleaving. Deadlocks and serialization failures, should one happen
 *   anyway, are retried a few times.
 * The work names the cache tags it makes stale (`changed`); they are
 * recorded in the same transaction for other processes (db/change-feed.ts)
 * and dropped from this process's cache once it commits.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { recordChange } from './change-feed';
import { databaseKind, type CanonDb } from './connect';

export type WriteTx = {
  trx: CanonDb;
  /** Cache tags (books/cache-tags.ts) whose answers this write changes. */
  changed(...tags: string[]): void;
};
export type Writer = <T>(work: (tx: WriteTx) => Promise<T>) => Promise<T>;

const PG_RETRYABLE = new Set(['40001', '40P01']);
const PG_ATTEMPTS = 5;

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && PG_RETRYABLE.has(String((error as { code?: unknown }).code));
}

async function sqliteImmediate<T>(db: CanonDb, work: (trx: CanonDb) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

export type WriterOptions = {
  origin: string;
  onCommitted(tags: string[]): void;
  /** Last step inside the transaction, given the tags the work named (the canon index follows nominations here). */
  beforeCommit?(trx: CanonDb, tags: string[]): Promise<unknown>;
};

export function createWriter(db: CanonDb, options: WriterOptions): Writer {
  const kind = databaseKind(db);
  return async function write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const tags = new Set<string>();
      const run = async (trx: CanonDb) => {
        const result = await work({ trx, changed: (...changed) => changed.forEach((t) => tags.add(t)) });
        if (tags.size > 0) await options.beforeCommit?.(trx, [...tags]);
        if (tags.size > 0) await recordChange(trx, options.origin, [...tags]);
        return result;
      };
      try {
        const result = kind === 'sqlite' ? await sqliteImmediate(db, run) : await db.transaction().execute(run);
        if (tags.size > 0) options.onCommitted([...tags]);
        return result;
      } catch (error) {
        if (kind !== 'postgres' || !isRetryable(error) || attempt >= PG_ATTEMPTS) throw error;
        await sleep(Math.random() * 10 * attempt);
      }
    }
  };
}

/**
 * Locks the selected rows against other writers until commit: `FOR NO KEY
 * UPDATE` on PostgreSQL, which queues our writers behind each other but not
 * behind the key-share locks that inserting a row referencing this one takes
 * (with plain FOR UPDATE, two writes that each first insert a row pointing at
 * an identity and then lock that identity would deadlock). On SQLite the
 * transaction already holds the only write lock there is.
 */
export function lockForUpdate<Q extends { forNoKeyUpdate(): Q }>(trx: CanonDb, query: Q): Q {
  return databaseKind(trx) === 'postgres' ? query.forNoKeyUpdate() : query;
}
