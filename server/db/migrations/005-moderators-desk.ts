/**
 * The moderator's desk at /admin: one-time sign-in links and sessions (both
 * stored only as hashes), the log of every moderation decision, the writers
 * whose posts were marked spam, tags and review links hidden by a moderator,
 * and the one row that says when the flag digest last went out (claimed in a
 * transaction, so of several processes only one sends it).
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('moderator_links')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('moderator_sessions')
    .addColumn('session_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('moderation_log')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('moderator', 'text', (c) => c.notNull())
    .addColumn('action', 'varchar(40)', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_log_at').on('moderation_log').column('at').execute();
  await db.schema
    .createTable('blocked_writers')
    .addColumn('owner_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('comment_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('blocked_by', 'text', (c) => c.notNull())
    .addColumn('blocked_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('hidden_tags')
    .addColumn('book_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('hidden_by', 'text', (c) => c.notNull())
    .addColumn('hidden_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('hidden_tags_pk', ['book_id', 'tag'])
    .execute();
  await db.schema.alterTable('review_links').addColumn('hidden_at', 'bigint').execute();
  await db.schema
    .createTable('flag_digest')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addColumn('covered_until', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('flag_digest').values({ id: 'flags', sent_at: 0, covered_until: 0 }).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('flag_digest').execute();
  await db.schema.alterTable('review_links').dropColumn('hidden_at').execute();
  await db.schema.dropTable('hidden_tags').execute();
  await db.schema.dropTable('blocked_writers').execute();
  await db.schema.dropTable('moderation_log').execute();
  await db.schema.dropTable('moderator_sessions').execute();
  await db.schema.dropTable('moderator_links').execute();
}
