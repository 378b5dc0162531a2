/**
 * Writes that decide on what books exist — nominating a book, accepting a
 * nomination — check for a match and then insert, with no row to lock for
 * the check. They take one transaction-scoped advisory lock on PostgreSQL
 * (such writes are rare, so one queue for all of them costs nothing); on
 * SQLite the write transaction already excludes every other writer.
 */
import { sql } from 'kysely';
import { databaseKind, type CanonDb } from './connect';

/** Any fixed number, the same in every process. */
const CATALOGUE_LOCK_KEY = 4_206_113_178;

export async function lockCatalogue(trx: CanonDb): Promise<void> {
  if (databaseKind(trx) === 'postgres') {
    await sql`select pg_advisory_xact_lock(${sql.lit(CATALOGUE_LOCK_KEY)})`.execute(trx);
  }
}
