/**
 * The canon index (issue 16): the match keys browsers use to decide locally
 * whether the canon knows a book. Kept in the database so every process
 * serves the same version: the current entries, a version counter bumped by
 * every write that changes them, the changes of each version (for deltas),
 * and the key the prefix queries hash with.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('canon_index_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('key_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('key_secret', 'varchar(64)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('canon_index_entries')
    .addColumn('target', 'varchar(110)', (c) => c.primaryKey())
    .addColumn('keys', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('canon_index_changes')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('added', 'text', (c) => c.notNull())
    .addColumn('removed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('canon_index_changes').execute();
  await db.schema.dropTable('canon_index_entries').execute();
  await db.schema.dropTable('canon_index_state').execute();
}
