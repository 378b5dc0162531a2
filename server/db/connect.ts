/**
 * Opens the one database the server uses: PostgreSQL when a URL is given,
 * otherwise a SQLite file. Both go through Kysely, then get migrated.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index';
import type { Database } from './tables';

export type DatabaseKind = 'sqlite' | 'postgres';
export type CanonDb = Kysely<Database>;
export type OpenedDatabase = { db: CanonDb; kind: DatabaseKind };

/** How long a SQLite writer waits for a lock before failing (other processes, e.g. the admin CLI). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const PG_POOL_SIZE = 10;
const PG_INT8_OID = 20;

export function openDatabase(options: { databaseUrl: string | null; sqlitePath: string }): OpenedDatabase {
  if (options.databaseUrl !== null) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: PG_POOL_SIZE,
      // BIGINT times and COUNT(*) come back as numbers; all ours fit in 2^53.
      types: { getTypeParser: (oid, format) => (oid === PG_INT8_OID ? Number : pg.types.getTypeParser(oid, format)) },
    });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: 'postgres' };
  }
  if (options.sqlitePath !== ':memory:') mkdirSync(dirname(options.sqlitePath), { recursive: true });
  const sqlite = new SqliteDatabase(options.sqlitePath);
  sqlite.pragma('journal_mode = WAL');
  // FULL: comments are small and rare; a power cut must not lose acknowledged ones.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), kind: 'sqlite' };
}

export async function migrateToLatest(db: CanonDb): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
