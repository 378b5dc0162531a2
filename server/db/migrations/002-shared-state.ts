/**
 * State that several server processes on one database must share: rate-limit
 * windows, and (SQLite only) a log of which cached answers each write made
 * stale. PostgreSQL processes hear of writes through LISTEN/NOTIFY instead.
 */
import { SqliteAdapter, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_windows')
    .addColumn('bucket', 'varchar(40)', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('resets_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_windows_pk', ['bucket', 'subject'])
    .execute();
  await db.schema.createIndex('rate_windows_resets').on('rate_windows').column('resets_at').execute();

  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await db.schema
      .createTable('change_log')
      // AUTOINCREMENT: sequence numbers are never reused, even after old rows are trimmed.
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('origin', 'varchar(36)', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('change_log').ifExists().execute();
  await db.schema.dropTable('rate_windows').execute();
}
