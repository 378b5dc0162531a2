/**
 * Authors edit and delete their own comments, and moderators keep what they
 * need: every edit and the deletion keep the text they replaced in
 * `comment_revisions`, and a comment its author deleted keeps its row (and
 * its moderation status and flags) with `deleted_at` set, so it leaves every
 * public listing but not the moderator's desk. `edited_at` is the time of the
 * latest edit, shown beside the comment's date.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('comments').addColumn('edited_at', 'bigint').execute();
  await db.schema.alterTable('comments').addColumn('deleted_at', 'bigint').execute();
  await db.schema
    .createTable('comment_revisions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('comment_id', 'varchar(36)', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('spoiler', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(10)', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comment_revisions_comment')
    .on('comment_revisions')
    .columns(['comment_id', 'at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('comment_revisions').execute();
  await db.schema.alterTable('comments').dropColumn('deleted_at').execute();
  await db.schema.alterTable('comments').dropColumn('edited_at').execute();
}
