/**
 * Brings a database up to date before a process serves from it: migrations,
 * then the seed canon. Several processes may start at once on one database,
 * so the whole step runs under a lock — a session advisory lock on
 * PostgreSQL, an exclusive transaction on SQLite — and whoever comes second
 * finds the work done.
 */
import { Migrator, sql } from 'kysely';
import { databaseKind, type CanonDb } from './connect';
import { migrationProvider } from './migrations/index';
import { seedIfEmpty, type SeedBook } from './seed';

/** Any fixed number, the same in every process: the key of the start-up advisory lock on PostgreSQL. */
const PREPARE_LOCK_KEY = 4_206_113_177;

async function migrate(db: CanonDb, disableTransactions: boolean): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, disableTransactions });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

export type Prepared = { seeded: number };

export async function prepareDatabase(db: CanonDb, seed: { books: SeedBook[]; now: number } | null): Promise<Prepared> {
  return db.connection().execute(async (conn): Promise<Prepared> => {
    if (databaseKind(conn) === 'postgres') {
      await sql`select pg_advisory_lock(${sql.lit(PREPARE_LOCK_KEY)})`.execute(conn);
      try {
        await migrate(conn, false);
        const seeded =
          seed === null ? 0 : await conn.transaction().execute((trx) => seedIfEmpty(trx, seed.books, seed.now));
        return { seeded };
      } finally {
        await sql`select pg_advisory_unlock(${sql.lit(PREPARE_LOCK_KEY)})`.execute(conn);
      }
    }
    // EXCLUSIVE: no other process reads or writes until the schema and the seed are in place.
    await sql`begin exclusive`.execute(conn);
    try {
      // The exclusive transaction is the migrations' transaction; SQLite cannot nest another.
      await migrate(conn, true);
      const seeded = seed === null ? 0 : await seedIfEmpty(conn, seed.books, seed.now);
      await sql`commit`.execute(conn);
      return { seeded };
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/** Names of migrations this code knows that the database has not run (empty when current). */
export async function pendingMigrations(db: CanonDb): Promise<string[]> {
  const migrations = await new Migrator({ db, provider: migrationProvider }).getMigrations();
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
