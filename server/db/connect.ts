/**
 * Opens the one database the server uses: PostgreSQL when a URL is given,
 * otherwise a SQLite file. Both go through Kysely; `prepareDatabase`
 * (db/prepare.ts) then migrates and seeds it.
 */
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ensurePrivateDirectory, restrictSqliteFiles } from './file-modes';
import type { Database } from './tables';

export type DatabaseKind = 'sqlite' | 'postgres';
export type CanonDb = Kysely<Database>;
export type OpenedDatabase = { db: CanonDb; kind: DatabaseKind };

/**
 * How long a SQLite writer waits for another process's write lock before
 * failing. Write transactions are a few milliseconds, so this is only met
 * when something holds the lock far too long.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
const PG_POOL_SIZE = 10;
const PG_INT8_OID = 20;

export function openDatabase(
  options: { databaseUrl: string | null; sqlitePath: string },
  log: (line: string) => void = () => {},
): OpenedDatabase {
  if (options.databaseUrl !== null) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: PG_POOL_SIZE,
      // BIGINT times and COUNT(*) come back as numbers; all ours fit in 2^53.
      types: { getTypeParser: (oid, format) => (oid === PG_INT8_OID ? Number : pg.types.getTypeParser(oid, format)) },
    });
    // An idle client whose server session ends (a restart, an administrator) is dropped by the pool;
    // without a listener the pool's 'error' event would end the process.
    pool.on('error', (error) => log(`database connection lost while idle: ${error.message}`));
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: 'postgres' };
  }
  if (options.sqlitePath !== ':memory:') {
    ensurePrivateDirectory(options.sqlitePath, log);
    restrictSqliteFiles(options.sqlitePath);
  }
  const sqlite = new SqliteDatabase(options.sqlitePath);
  // First, so that even switching to WAL waits for a process that is starting at the same moment.
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  sqlite.pragma('journal_mode = WAL');
  // FULL: comments are small and rare; a power cut must not lose acknowledged ones.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), kind: 'sqlite' };
}

/** Which database a Kysely instance (or a transaction or connection taken from it) talks to. */
export function databaseKind(db: CanonDb): DatabaseKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
